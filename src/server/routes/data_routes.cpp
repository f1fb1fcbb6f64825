#include "server/routes/data_routes.hpp"

#include "server/routes/analytics_routes.hpp"
#include "server/routes/county_routes.hpp"
#include "server/routes/dataset_routes.hpp"
#include "server/routes/export_routes.hpp"
#include "server/routes/hospital_routes.hpp"
#include "server/routes/measure_routes.hpp"
#include "server/routes/model_routes.hpp"
#include "server/routes/pipeline_routes.hpp"
#include "server/routes/predict_routes.hpp"
#include "server/routes/ranking_routes.hpp"
#include "server/routes/state_routes.hpp"

namespace hci::server {

void add_data_routes(Router& router) {
  add_hospital_routes(router);
  add_measure_routes(router);
  add_state_routes(router);
  add_dataset_routes(router);
  add_export_routes(router);
  add_predict_routes(router);
  add_analytics_routes(router);
  add_ranking_routes(router);
  add_county_routes(router);
  add_model_routes(router);
  add_pipeline_routes(router);
}

}  // namespace hci::server
