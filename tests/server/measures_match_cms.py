#!/usr/bin/python3
"""Acceptance: /api/v1/hospitals/{id}/measures equals CMS's published values, checked with pandas.

pandas reads the raw CMS files on its own (its CSV parser, its types); hci ingests the same directory and
serves it. For every hospital served, each HRRP ratio, predicted and expected rate and readmission count, the MSPB ratio, every HCAHPS
value and the Medicare inpatient payments must equal CMS's number, and a value CMS does not give must be
null with CMS's word as the reason and its footnote.

Usage: measures_match_cms.py HCI_BINARY SOURCE_DIR
"""
import json
import math
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pandas as pd

MISSING_WORDS = {"Not Available", "Not Applicable", "Too Few to Report", "N/A"}


def expected_values(source_dir):
    """(facility, measure id) -> (number or None, missing word, footnote) from the raw files, by pandas."""
    cms = Path(source_dir) / "cms"
    expected = {}

    def put(facility, measure, raw, footnote):
        raw = str(raw).strip()
        if raw in MISSING_WORDS or raw == "":
            expected[(facility, measure)] = (None, raw or "Blank", footnote)
        else:
            expected[(facility, measure)] = (float(raw.replace("$", "").replace(",", "").rstrip("%")), None, footnote)

    hrrp = pd.read_csv(cms / "Hospital_Readmissions_Reduction_Program_Hospital.csv", dtype=str, keep_default_na=False)
    for row in hrrp.itertuples(index=False):
        facility, measure, footnote = row[1], row[3], row[5]
        put(facility, measure, row[6], footnote)
        put(facility, measure + "-PREDICTED", row[7], footnote)
        put(facility, measure + "-EXPECTED", row[8], footnote)
        put(facility, measure + "-READMISSIONS", row[9], footnote)
    mspb = pd.read_csv(cms / "Medicare_Hospital_Spending_Per_Patient-Hospital.csv", dtype=str, keep_default_na=False)
    for row in mspb.itertuples(index=False):
        put(row[0], row[8], row[10], row[11])
    survey = pd.read_csv(cms / "HCAHPS-Hospital.csv.gz", dtype=str, keep_default_na=False)
    for row in survey.to_dict("records"):
        measure = row["HCAHPS Measure ID"]
        if measure.endswith("STAR_RATING"):
            raw, footnote = row["Patient Survey Star Rating"], row["Patient Survey Star Rating Footnote"]
        elif measure.endswith("LINEAR_SCORE"):
            raw, footnote = row["HCAHPS Linear Mean Value"], ""
        else:
            raw, footnote = row["HCAHPS Answer Percent"], row["HCAHPS Answer Percent Footnote"]
        put(row["Facility ID"], measure, raw, footnote or row["Number of Completed Surveys Footnote"])
    inpatient = pd.read_csv(cms / "Medicare_IP_Hospitals_by_Provider_2023.csv", dtype=str, keep_default_na=False,
                            encoding="cp1252")
    inpatient.columns = [c.lstrip("\ufeff\u00ef\u00bb\u00bf") for c in inpatient.columns]
    for row in inpatient.to_dict("records"):
        put(row["Rndrng_Prvdr_CCN"], "MEDICARE-IP-DISCHARGES", row["Tot_Dschrgs"], "")
        put(row["Rndrng_Prvdr_CCN"], "MEDICARE-IP-MEDICARE-PAYMENT", row["Tot_Mdcr_Pymt_Amt"], "")
        put(row["Rndrng_Prvdr_CCN"], "MEDICARE-IP-TOTAL-PAYMENT", row["Tot_Pymt_Amt"], "")
        put(row["Rndrng_Prvdr_CCN"], "MEDICARE-IP-RISK-SCORE", row["Bene_Avg_Risk_Scre"], "")
    archive = cms / "archive_2024-07"
    hac = pd.read_csv(archive / "FY_2024_HAC_Reduction_Program_Hospital.csv", dtype=str, keep_default_na=False)
    for row in hac.to_dict("records"):
        for prefix, value_column, measure in [("PSI 90", "PSI 90 Composite Value", "HAC-PSI-90")] + [
                (p, f"{p} SIR", f"HAC-{p}-SIR") for p in ("CLABSI", "CAUTI", "SSI", "CDI", "MRSA")]:
            put(row["Facility ID"], measure, row[value_column], row[f"{value_column} Footnote"])
            put(row["Facility ID"], f"{measure}-WZ", row[f"{prefix} W Z Score"], row[f"{prefix} W Z Footnote"])
        put(row["Facility ID"], "HAC-TOTAL-SCORE", row["Total HAC Score"], row["Total HAC Score Footnote"])
    vbp = {
        "hvbp_clinical_outcomes.csv": {p: p for p in (
            "MORT-30-AMI", "MORT-30-HF", "MORT-30-PN", "MORT-30-COPD", "MORT-30-CABG", "COMP-HIP-KNEE")},
        "hvbp_safety.csv": {f"HAI-{n}": f"HAI-{n}" for n in range(1, 7)},
        "hvbp_efficiency_and_cost_reduction.csv": {"MSPB-1": "MSPB-1-VBP"},
        "hvbp_person_and_community_engagement.csv": {
            "Communication With Nurses": "VBP-HCAHPS-NURSES", "Communication With Doctors": "VBP-HCAHPS-DOCTORS",
            "Responsiveness Of Hospital Staff": "VBP-HCAHPS-RESPONSIVENESS",
            "Care Transition": "VBP-HCAHPS-CARE-TRANSITION", "Communication About Medicines": "VBP-HCAHPS-MEDICINES",
            "Cleanliness And Quietness Of Hospital Environment": "VBP-HCAHPS-CLEAN-QUIET",
            "Discharge Information": "VBP-HCAHPS-DISCHARGE-INFO",
            "Overall Rating Of Hospital": "VBP-HCAHPS-OVERALL-RATING"},
    }
    for name, measures in vbp.items():
        for row in pd.read_csv(archive / name, dtype=str, keep_default_na=False).to_dict("records"):
            for prefix, measure in measures.items():
                put(row["Facility ID"], measure, row[f"{prefix} Performance Rate"], "")
    engagement = pd.read_csv(archive / "hvbp_person_and_community_engagement.csv", dtype=str, keep_default_na=False)
    for row in engagement.to_dict("records"):
        put(row["Facility ID"], "VBP-HCAHPS-BASE-SCORE", row["Hcahps Base Score"], "")
        put(row["Facility ID"], "VBP-HCAHPS-CONSISTENCY-SCORE", row["Hcahps Consistency Score"], "")
    for row in pd.read_csv(archive / "hvbp_tps.csv", dtype=str, keep_default_na=False).to_dict("records"):
        put(row["Facility ID"], "VBP-TPS", row["Total Performance Score"], "")
        put(row["Facility ID"], "VBP-CLINICAL-OUTCOMES-DOMAIN", row["Unweighted Normalized Clinical Outcomes Domain Score"], "")
        put(row["Facility ID"], "VBP-SAFETY-DOMAIN-WEIGHTED", row["Weighted Safety Domain Score"], "")
    return expected


def serve(hci, source_dir, work):
    db = f"sqlite:{work}/hci.db"
    subprocess.run([hci, "--db", db, "ingest", "--source-dir", source_dir, "--report-dir", f"{work}/quality"],
                   check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([hci, "--db", db, "serve", "--port", "0", "--quiet", "--public-read"], stdout=subprocess.PIPE,
                              text=True)
    for line in server.stdout:
        match = re.search(r"127\.0\.0\.1:(\d+)", line)
        if match:
            return server, int(match.group(1))
    raise SystemExit("hci serve exited before listening")


def main():
    hci, source_dir = sys.argv[1], sys.argv[2]
    expected = expected_values(source_dir)
    with tempfile.TemporaryDirectory() as work:
        server, port = serve(hci, source_dir, work)
        try:
            served = []
            while len(served) % 500 == 0:
                page = json.load(urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/v1/hospitals?limit=500&offset={len(served)}&fields=id"))
                served += [h["id"] for h in page["data"]]
                if not page["data"]:
                    break
            checked = sorted(served)
            compared = missing = 0
            expected_by_facility = {}
            for (facility, measure), value in expected.items():
                expected_by_facility.setdefault(facility, []).append((measure, value))
            for facility in checked:
                body = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/hospitals/{facility}/measures"))
                by_id = {m["measure_id"]: m for m in body["data"]["measures"]}
                for measure, (number, word, footnote) in expected_by_facility.get(facility, []):
                    got = by_id.get(measure)
                    assert got is not None, f"{facility} {measure}: CMS has a row, the API has none"
                    if number is None:
                        assert got["value"] is None and got["missing_reason"] == word, (facility, measure, got)
                        assert (got["footnote"] or "") == footnote, (facility, measure, got, footnote)
                        missing += 1
                    else:
                        assert got["value"] is not None and math.isclose(got["value"], number, rel_tol=1e-12), (
                            facility, measure, got["value"], number)
                    compared += 1
            assert compared > 150000, compared
            print(f"{len(checked)} hospitals, {compared} values equal CMS's ({missing} missing with CMS's word)")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
