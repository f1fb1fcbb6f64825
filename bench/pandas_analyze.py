#!/usr/bin/python3
"""The work of `hci analyze`, done the pandas / SciPy / scikit-learn way, for bench/analyze_benchmark.sh.

Reads the current dataset version from an hci SQLite database (the same rows hci reads), builds the state
and county tables, computes Pearson and Spearman matrices with p-values, Fisher-z intervals and
Benjamini-Hochberg adjustment, the county benchmarks, the nearest emergency hospital of every ZIP
centroid (BallTree, haversine), the per-state access shares and the insight tests, and writes the
results back as JSON documents.
Usage: pandas_analyze.py DB_PATH
"""
import json
import sqlite3
import sys

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.neighbors import BallTree

EARTH_KM = 6371.0088
STATE_VARS = ["hospitals_per_100k", "mean_rating", "rated_4_or_5_share", "emergency_services_share",
              "critical_access_share", "median_household_income_real", "uninsured_share", "coverage_medicaid_share",
              "aca_marketplace_benchmark_premium", "medicare_spending_per_enrollee", "unemployment_rate",
              "chr_life_expectancy", "chr_premature_death_ypll_rate", "chr_children_in_poverty", "chr_adult_obesity",
              "chr_adult_smoking", "chr_physical_inactivity", "chr_diabetes_prevalence",
              "chr_primary_care_physicians_rate", "chr_preventable_hospital_stays_rate", "chr_some_college",
              "chr_pct_rural"]
COUNTY_VARS = ["life_expectancy", "premature_death_ypll_rate", "median_household_income", "children_in_poverty",
               "income_inequality", "uninsured", "unemployment", "some_college", "adult_smoking", "adult_obesity",
               "physical_inactivity", "excessive_drinking", "food_insecurity", "primary_care_physicians_rate",
               "preventable_hospital_stays_rate", "broadband_access", "severe_housing_problems", "air_pollution_pm25",
               "pct_65_and_older", "pct_rural", "urban_rural_code", "hospitals_per_100k"]


def bh(p):
    p = np.asarray(p)
    order = np.argsort(p)
    scaled = p[order] * len(p) / np.arange(1, len(p) + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1].clip(max=1)
    out = np.empty_like(adjusted)
    out[order] = adjusted
    return out


def matrix(table, variables, method):
    variables = [v for v in variables if v in table.columns]
    cells = []
    for i, a in enumerate(variables):
        for b in variables[i + 1:]:
            pair = table[[a, b]].dropna()
            if len(pair) < 4:
                continue
            test = stats.pearsonr if method == "pearson" else stats.spearmanr
            r, p = test(pair[a], pair[b])
            z, half = np.arctanh(r), 1.959963984540054 / np.sqrt(len(pair) - 3)
            cells.append({"x": a, "y": b, "r": r, "n": len(pair), "p": p,
                          "ci": [np.tanh(z - half), np.tanh(z + half)]})
    for cell, adjusted in zip(cells, bh([c["p"] for c in cells])):
        cell["p_adjusted"] = adjusted
    return cells


def main(db_path):
    con = sqlite3.connect(db_path)
    dataset_id = con.execute("SELECT id FROM datasets WHERE is_current = 1").fetchone()[0]
    read = lambda sql: pd.read_sql(sql, con, params=(dataset_id,))
    hospitals = read("SELECT * FROM hospitals WHERE dataset_id = ?")
    panel = read("SELECT * FROM state_indicators WHERE dataset_id = ?")
    unemployment = read("SELECT * FROM state_unemployment WHERE dataset_id = ?")
    measures = read("SELECT * FROM area_measures WHERE dataset_id = ?")
    counties = read("SELECT * FROM counties WHERE dataset_id = ?")
    zips = read("SELECT * FROM zip_centroids WHERE dataset_id = ?")

    # State table: hospital statistics, latest panel year per indicator, unemployment, CHR state rows.
    h = hospitals.assign(top=hospitals.rating >= 4, cah=hospitals.type == "Critical Access Hospitals")
    by_state = h.groupby("state_code")
    states = pd.DataFrame({"hospital_count": by_state.size(), "mean_rating": by_state.rating.mean(),
                           "median_rating": by_state.rating.median(),
                           "rated_4_or_5_share": by_state.top.sum() / by_state.rating.count() * 100,
                           "emergency_services_share": by_state.emergency_services.mean() * 100,
                           "critical_access_share": by_state.cah.mean() * 100})
    panel = panel[panel.state_code != "US"]
    for indicator, rows in panel.groupby("indicator"):
        covered = rows.groupby("year").size()
        year = covered[covered >= 40].index.max()
        states[indicator] = rows[rows.year == year].set_index("state_code").value
    states["uninsured_share"] *= 100
    states["coverage_medicaid_share"] *= 100
    states["hospitals_per_100k"] = states.hospital_count / states.population * 1e5
    unemployment["year"] = unemployment.month.str[:4]
    complete = unemployment.groupby(["state_code", "year"]).size().reset_index(name="months")
    year = complete[complete.months == 12].groupby("state_code").year.max().min()
    states["unemployment_rate"] = unemployment[unemployment.year == year].groupby("state_code").rate_pct.mean()
    chr_states = measures[measures.level == "state"].pivot(index="state_code", columns="measure", values="value")
    states = states.join(chr_states.add_prefix("chr_"))

    # County table: CHR measures wide, rurality, hospitals per county.
    county = measures[measures.level == "county"].pivot(index="fips", columns="measure", values="value")
    county["urban_rural_code"] = counties.set_index("fips").urban_rural_2023
    county["hospital_count"] = hospitals.groupby("county_fips").size()
    county["hospital_count"] = county.hospital_count.fillna(0)
    county["hospitals_per_100k"] = county.hospital_count / county.population * 1e5

    docs = {}
    for level, table, variables in (("state", states, STATE_VARS), ("county", county, COUNTY_VARS)):
        for method in ("pearson", "spearman"):
            docs[f"correlations_{level}_{method}"] = matrix(table, variables, method)
    docs["county_benchmarks"] = {c: [county[c].quantile(0.1), county[c].quantile(0.9)] for c in county.columns}
    docs["state_ranks"] = states.rank(ascending=False, method="min").to_dict()

    # Access: nearest emergency hospital of every ZIP centroid.
    er = hospitals[(hospitals.emergency_services == 1) & hospitals.latitude.notna()]
    tree = BallTree(np.radians(er[["latitude", "longitude"]].to_numpy()), metric="haversine")
    distance, _ = tree.query(np.radians(zips[["latitude", "longitude"]].to_numpy()), k=1)
    zips["km"] = distance[:, 0] * EARTH_KM
    access = zips.groupby("state_code").km.agg(zips="size", median="median",
                                               far30=lambda d: (d > 30).mean(), far60=lambda d: (d > 60).mean())
    docs["access"] = {"states": access.to_dict(orient="index"),
                      "deserts": zips.nlargest(50, "km")[["zip", "state_code", "km"]].to_dict(orient="records")}

    # Insight tests.
    rated = hospitals[hospitals.rating.notna()]
    nonprofit = rated[rated.ownership.str.startswith("Voluntary non-profit")].rating
    docs["insights"] = {
        "ownership": stats.ttest_ind(nonprofit, rated[rated.ownership == "Proprietary"].rating, equal_var=False),
        "rural": stats.ttest_ind(county[county.urban_rural_code <= 2].life_expectancy.dropna(),
                                 county[county.urban_rural_code >= 5].life_expectancy.dropna(), equal_var=False),
        "premium": stats.ttest_1samp((panel[(panel.indicator == "aca_marketplace_benchmark_premium")]
                                      .pivot(index="state_code", columns="year", values="value")
                                      .pipe(lambda t: t[t.columns.max()] - t[2018]).dropna()), 0),
    }
    out = pd.DataFrame({"name": list(docs), "body": [json.dumps(v, default=str) for v in docs.values()]})
    out.to_sql("pandas_analysis", con, if_exists="replace", index=False)
    con.close()


if __name__ == "__main__":
    main(sys.argv[1])
