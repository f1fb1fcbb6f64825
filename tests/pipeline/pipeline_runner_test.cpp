// The pipeline on real parts: the hci binary runs each task, a real SQLite store records every run and
// attempt, a local HTTP server plays the CMS download and the webhook receiver, an SMTP sink the mail
// server.

#include "pipeline/pipeline_runner.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "pipeline/load_sources.hpp"
#include "pipeline/quality_gate.hpp"
#include "support/local_http_server.hpp"
#include "support/smtp_sink.hpp"
#include "support/temp_dir.hpp"

namespace hci::pipeline {
namespace {

std::string cms_file() {
  return testing::read_file(std::string(HCI_SOURCE_DATA_DIR) + "/cms/Hospital_General_Information.csv");
}

class PipelineRunnerTest : public ::testing::Test {
 protected:
  PipelineRunnerTest() {
    store_ = store::open_store(db_);
    store_->migrate();
    load_sources(*store_, HCI_SOURCE_DATA_DIR, {});
    first_version_ = store_->find_dataset("")->version;
  }

  RunOptions options() const {
    RunOptions o;
    o.db_uri = db_;
    o.hci_binary = HCI_BINARY;
    o.config.source_dir = HCI_SOURCE_DATA_DIR;
    o.config.work_dir = dir_.path() / "work";
    o.config.models_dir = dir_.path() / "models";
    o.policies = default_task_policies();
    o.sleep = [](std::chrono::milliseconds) {};  // no real waiting between attempts
    return o;
  }

  testing::TempDir dir_;
  std::string db_ = "sqlite:" + (dir_.path() / "hci.db").string();
  std::unique_ptr<store::Store> store_;
  std::string first_version_;
};

TEST_F(PipelineRunnerTest, AFullRunPublishesANewVersionWithAnalysisAndModels) {
  testing::LocalHttpServer cms({{200, cms_file() + "\n", std::nullopt}});  // one more byte: a new version
  RunOptions o = options();
  o.config.collect_url = cms.url();
  const auto run = run_pipeline(*store_, o);
  ASSERT_EQ(run.status, "succeeded") << run.error;
  ASSERT_EQ(run.tasks.size(), 5u);
  const auto current = store_->find_dataset("")->version;
  EXPECT_NE(current, first_version_);
  EXPECT_EQ(run.dataset_version, current);
  EXPECT_FALSE(store_->load_analysis(current).empty());
  EXPECT_EQ(store_->current_models(current).size(), 4u);
  const auto history = store_->pipeline_runs(5);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].status, "succeeded");
  EXPECT_EQ(history[0].tasks.size(), 5u);
  for (const auto& t : history[0].tasks) EXPECT_EQ(t.status, "succeeded") << t.task << ": " << t.error;
}

TEST_F(PipelineRunnerTest, ATaskThatFailsTwiceThenSucceedsIsRetried) {
  testing::LocalHttpServer cms(
      {{500, "busy", std::nullopt}, {503, "busy", std::nullopt}, {200, cms_file(), std::nullopt}});
  RunOptions o = options();
  o.only = "collect";
  o.config.collect_url = cms.url();
  const auto run = run_pipeline(*store_, o);
  EXPECT_EQ(run.status, "succeeded") << run.error;
  ASSERT_EQ(run.tasks.size(), 3u);
  EXPECT_EQ(run.tasks[0].status, "failed");
  EXPECT_EQ(run.tasks[1].status, "failed");
  EXPECT_EQ(run.tasks[2].status, "succeeded");
  EXPECT_EQ(run.tasks[2].attempt, 3);
  EXPECT_NE(run.tasks[0].error.find("500"), std::string::npos) << run.tasks[0].error;
}

TEST_F(PipelineRunnerTest, ATaskThatAlwaysFailsFailsTheRunKeepsTheOldDataAndNotifies) {
  testing::LocalHttpServer cms({{500, "down", std::nullopt}});
  testing::LocalHttpServer webhook({{204, "", std::nullopt}});
  testing::SmtpSink smtp;
  RunOptions o = options();
  o.config.collect_url = cms.url();
  o.notify = NotifyOptions{webhook.url("/hooks/hci"), smtp.url(), "hci@example.org", {"oncall@example.org"}, 10};
  const auto run = run_pipeline(*store_, o);
  EXPECT_EQ(run.status, "failed");
  EXPECT_EQ(run.tasks.size(), 3u);  // three attempts of collect, nothing after it
  EXPECT_EQ(store_->find_dataset("")->version, first_version_);
  const auto hooks = webhook.received();
  ASSERT_EQ(hooks.size(), 1u);
  const auto body = nlohmann::json::parse(hooks[0].substr(hooks[0].find("\r\n\r\n") + 4));
  EXPECT_EQ(body["status"], "failed");
  EXPECT_EQ(body["id"], run.id);
  const auto mails = smtp.messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].find("Subject: hci pipeline run " + std::to_string(run.id) + " failed"), std::string::npos);
}

TEST_F(PipelineRunnerTest, TheQualityGateStopsARunBeforePublishWithoutRetrying) {
  RunOptions o = options();
  o.config.gate.min_hospitals = 100000;
  const auto run = run_pipeline(*store_, o);
  EXPECT_EQ(run.status, "failed");
  ASSERT_EQ(run.tasks.size(), 2u);  // collect, then one ingest attempt: the gate's answer will not change
  EXPECT_EQ(run.tasks[1].task, "ingest");
  EXPECT_NE(run.error.find("quality gate"), std::string::npos) << run.error;
  EXPECT_EQ(store_->find_dataset("")->version, first_version_);
}

TEST_F(PipelineRunnerTest, ASecondRunWaitsForTheFirstOnesLock) {
  ASSERT_TRUE(store_->try_lock_pipeline("someone-else", std::chrono::seconds(60)));
  try {
    run_pipeline(*store_, options());
    FAIL() << "ran while another run held the lock";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
  }
  store_->unlock_pipeline("someone-else");
}

TEST(QualityGateTest, NamesEveryBrokenThreshold) {
  const nlohmann::json report = {{"error_count", 500},
                                 {"metrics", {{"geocoded_pct", 80.0}, {"county_fips_resolved_pct", 99.0}}}};
  const auto violations = quality_gate_violations(QualityThresholds{}, report, {{"hospitals", 10}});
  ASSERT_EQ(violations.size(), 3u);
  EXPECT_NE(violations[0].find("500 rows"), std::string::npos);
  EXPECT_TRUE(quality_gate_violations(
                  QualityThresholds{},
                  {{"error_count", 0}, {"metrics", {{"geocoded_pct", 100.0}, {"county_fips_resolved_pct", 98.0}}}},
                  {{"hospitals", 5421}})
                  .empty());
}

}  // namespace
}  // namespace hci::pipeline
