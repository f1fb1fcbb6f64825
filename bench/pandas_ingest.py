"""The baseline: the same ingest done the way the Python stack did it (pandas read_csv, clean, to_sql).

Reads the sources the Python stack had (not the CMS measure files HRRP, MSPB, HCAHPS, Medicare inpatient,
HAC and VBP, which hci also loads: bench/duckdb/ is the like-for-like comparison for those), cleans the CMS
hospital file (sentinels to NaN, ZIP and CCN zero-padded, Yes/No and Y to bool, rating and measure counts
numeric), geocodes hospitals by ZIP centroid with a merge, and writes every table into a fresh SQLite file.
Usage: python3 bench/pandas_ingest.py SOURCE_DIR DB_PATH
"""
import sqlite3
import sys
from pathlib import Path

import pandas as pd

SOURCES = {
    "zip_centroids": "geo/zip_centroids.csv",
    "urban_rural_codes": "counties/NCHSurb-rural-codes.csv",
    "chr_measure_dictionary": "counties/chr_county_measures_dictionary.csv",
    "chr_county_measures": "counties/chr_county_measures.csv",
    "chr_state_measures": "states/chr_state_measures.csv",
    "state_indicators": "states/state_indicators_long.csv",
    "state_unemployment": "states/state_unemployment_monthly.csv",
    "hifld_hospitals": "hospitals/hifld_hospitals.csv",
}
CMS = "cms/Hospital_General_Information.csv"


def clean_hospitals(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.replace("Not Available", pd.NA)
    frame["Facility ID"] = frame["Facility ID"].astype(str).str.zfill(6)
    frame["ZIP Code"] = frame["ZIP Code"].astype(str).str.zfill(5)
    frame["Emergency Services"] = frame["Emergency Services"].eq("Yes")
    frame["Meets criteria for birthing friendly designation"] = frame[
        "Meets criteria for birthing friendly designation"].eq("Y")
    frame["Hospital overall rating"] = pd.to_numeric(frame["Hospital overall rating"], errors="coerce")
    for column in frame.columns:
        if column.startswith("Count of") or column.endswith("Measure Count"):
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame.drop_duplicates(subset="Facility ID")


def main(source_dir: str, db_path: str) -> None:
    root = Path(source_dir)
    Path(db_path).unlink(missing_ok=True)
    with sqlite3.connect(db_path) as connection:
        zips = pd.read_csv(root / SOURCES["zip_centroids"], dtype={"zip": str})
        for name, path in SOURCES.items():
            frame = zips if name == "zip_centroids" else pd.read_csv(root / path, dtype=str)
            frame.to_sql(name, connection, index=False)
        hospitals = clean_hospitals(pd.read_csv(root / CMS, dtype=str, keep_default_na=False))
        hospitals = hospitals.merge(zips[["zip", "latitude", "longitude"]], how="left", left_on="ZIP Code",
                                    right_on="zip")
        hospitals.to_sql("hospitals", connection, index=False)
        print(f"pandas: {len(hospitals)} hospitals, geocoded {hospitals['latitude'].notna().mean():.1%}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
