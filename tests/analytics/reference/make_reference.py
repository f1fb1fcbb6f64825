#!/usr/bin/python3
"""Reference values for tests/analytics, computed independently of hci with SciPy, statsmodels and pandas
straight from the raw files in data/snapshot. Run once; the output is committed beside this script.

    apt-get install python3-scipy python3-pandas python3-statsmodels
    /usr/bin/python3 tests/analytics/reference/make_reference.py > tests/analytics/reference/expected.json
"""
import json
import math
import pathlib

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

SNAPSHOT = pathlib.Path(__file__).resolve().parents[3] / "data" / "snapshot"

# Fixed vectors with ties and missing values (NaN) for the building blocks.
X = [3.1, 2.0, float("nan"), 4.7, 2.0, 5.5, 6.1, 2.0, 7.3, 8.8, 4.7, 9.9]
Y = [1.0, 0.5, 2.2, 2.5, 0.7, float("nan"), 3.9, 1.1, 3.0, 4.4, 2.5, 3.8]
A = [3, 4, 4, 5, 2, 3, 4, 5, 5, 4]
B = [2, 3, 3, 2, 1, 3, 2, 2, 4, 3, 1, 2]
P = [0.001, 0.04, 0.03, 0.2, 0.0005, 0.5, 0.049, 0.01]


def complete(x, y):
    pairs = [(a, b) for a, b in zip(x, y) if not (math.isnan(a) or math.isnan(b))]
    return [a for a, _ in pairs], [b for _, b in pairs]


def correlation(x, y):
    cx, cy = complete(x, y)
    pearson = stats.pearsonr(cx, cy)
    low, high = pearson.confidence_interval(0.95)
    spearman = stats.spearmanr(cx, cy)
    return {"n": len(cx), "pearson_r": pearson.statistic, "pearson_p": pearson.pvalue, "pearson_ci": [low, high],
            "spearman_rho": spearman.correlation, "spearman_p": spearman.pvalue}


def building_blocks():
    welch = stats.ttest_ind(A, B, equal_var=False)
    diffs = np.array(A[:8], dtype=float) - np.array(B[:8], dtype=float)
    one = stats.ttest_1samp(diffs, 0.0)
    return {
        "x": [None if math.isnan(v) else v for v in X],
        "y": [None if math.isnan(v) else v for v in Y],
        "correlation": correlation(X, Y),
        "ranks_of_x": [None if math.isnan(v) else v for v in stats.rankdata(X, nan_policy="omit")],
        "welch": {"a": A, "b": B, "t": welch.statistic, "p": welch.pvalue},
        "one_sample": {"values": diffs.tolist(), "t": one.statistic, "p": one.pvalue},
        "bh": {"p": P, "adjusted": multipletests(P, method="fdr_bh")[1].tolist()},
        "quantiles": {"values": A, "q10": float(np.quantile(A, 0.1)), "q50": float(np.quantile(A, 0.5)),
                      "q90": float(np.quantile(A, 0.9))},
    }


def real_data():
    chr_all = pd.read_csv(SNAPSHOT / "counties" / "chr_county_measures.csv", dtype={"fips": str})
    counties = chr_all[chr_all["level"] == "county"]
    county_pairs = {f"life_expectancy~{m}": correlation(counties["life_expectancy"].tolist(), counties[m].tolist())
                    for m in ["median_household_income", "children_in_poverty", "adult_smoking", "uninsured",
                              "primary_care_physicians_rate", "air_pollution_pm25"]}
    cms = pd.read_csv(SNAPSHOT / "cms" / "Hospital_General_Information.csv", dtype=str)
    rating = pd.to_numeric(cms["Hospital overall rating"], errors="coerce")
    by_state = cms.assign(rating=rating).groupby("State")
    hospitals = {
        "total": len(cms),
        "by_state": {s: {"hospitals": int(len(g)), "rated": int(g["rating"].notna().sum()),
                         "mean_rating": None if g["rating"].notna().sum() == 0 else float(g["rating"].mean()),
                         "median_rating": None if g["rating"].notna().sum() == 0 else float(g["rating"].median()),
                         "emergency_share": float((g["Emergency Services"] == "Yes").mean()),
                         "critical_access": int((g["Hospital Type"] == "Critical Access Hospitals").sum())}
                     for s, g in by_state},
    }
    states = chr_all[chr_all["level"] == "state"].set_index("state_abbr")
    mean_rating = by_state["rating"].mean()
    panel = pd.read_csv(SNAPSHOT / "states" / "state_indicators_long.csv")
    income = panel[(panel["indicator"] == "median_household_income_real") & (panel["year"] == 2024)]
    income = pd.to_numeric(income.set_index("state_abbr")["value"], errors="coerce")
    codes = sorted(set(states.index) & set(income.index))
    state_pairs = {
        "chr_life_expectancy~median_household_income_real": correlation(
            [states.loc[c, "life_expectancy"] for c in codes], [income[c] for c in codes]),
        "mean_rating~chr_children_in_poverty": correlation(
            [mean_rating.get(c, float("nan")) for c in states.index],
            [states.loc[c, "children_in_poverty"] for c in states.index]),
    }
    return {"county_correlations": county_pairs, "state_correlations": state_pairs, "hospitals": hospitals,
            "measures": measures(cms, rating)}


def measures(cms, rating):
    """Hospital measures carried to states and the hospital-level tests of the measure insights."""
    general = cms.assign(rating=rating).set_index("Facility ID")
    hrrp = pd.read_csv(SNAPSHOT / "cms" / "Hospital_Readmissions_Reduction_Program_Hospital.csv", dtype=str)
    hf = hrrp[hrrp["Measure Name"] == "READM-30-HF-HRRP"].copy()
    hf["ratio"] = pd.to_numeric(hf["Excess Readmission Ratio"], errors="coerce")
    hf["discharges"] = pd.to_numeric(hf["Number of Discharges"], errors="coerce")
    hf = hf[hf["ratio"].notna() & hf["Facility ID"].isin(general.index)]
    hf_by_id = hf.set_index("Facility ID")["ratio"]
    hf = hf[hf["discharges"] > 0]
    hf["state"] = general.loc[hf["Facility ID"], "State"].values
    weighted = {s: float((g["ratio"] * g["discharges"]).sum() / g["discharges"].sum()) for s, g in hf.groupby("state")}
    stars = general["rating"]
    top = [hf_by_id[i] for i in hf_by_id.index if stars.get(i, 0) >= 4]
    bottom = [hf_by_id[i] for i in hf_by_id.index if stars.get(i, 9) <= 2]
    welch = stats.ttest_ind(top, bottom, equal_var=False)
    mspb = pd.read_csv(SNAPSHOT / "cms" / "Medicare_Hospital_Spending_Per_Patient-Hospital.csv", dtype=str)
    mspb = mspb[mspb["Measure ID"] == "MSPB-1"].set_index("Facility ID")
    mspb_score = pd.to_numeric(mspb["Score"], errors="coerce").dropna()
    rated_mspb = [i for i in mspb_score.index if i in stars.index and not math.isnan(stars[i])]
    spearman = stats.spearmanr([mspb_score[i] for i in rated_mspb], [stars[i] for i in rated_mspb])
    hac = pd.read_csv(SNAPSHOT / "cms" / "archive_2024-07" / "FY_2024_HAC_Reduction_Program_Hospital.csv", dtype=str)
    hac = hac[hac["Payment Reduction"].isin(["Yes", "No"]) & hac["Facility ID"].isin(general.index)]
    ownership = general.loc[hac["Facility ID"], "Hospital Ownership"].values
    cut = hac["Payment Reduction"].values == "Yes"
    groups = {}
    for name, prefix in [("for-profit", "Proprietary"), ("non-profit", "Voluntary non-profit")]:
        member = np.array([o.startswith(prefix) for o in ownership])
        groups[name] = {"n": int(member.sum()), "penalised": int((cut & member).sum())}
    return {"state_hf_readmission_weighted": weighted,
            "hf_readmission_top_vs_bottom": {"n": [len(top), len(bottom)], "means": [float(np.mean(top)),
                                             float(np.mean(bottom))], "t": welch.statistic, "p": welch.pvalue},
            "mspb_vs_rating": {"n": len(rated_mspb), "rho": spearman.correlation, "p": spearman.pvalue},
            "hac_payment_reduction": groups}


print(json.dumps({"generated_by": "tests/analytics/reference/make_reference.py",
                  "scipy": __import__("scipy").__version__,
                  "building_blocks": building_blocks(), "real_data": real_data()}, indent=1))
