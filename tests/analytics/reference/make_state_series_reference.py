#!/usr/bin/python3
"""Reference values for the state-series analyses (the Medicaid expansion analysis and the state-series
insights), computed independently of hci with pandas, SciPy and statsmodels straight from the raw files in
data/snapshot/states. Run once; the output is committed beside it.

    apt-get install python3-pandas python3-scipy python3-statsmodels
    /usr/bin/python3 tests/analytics/reference/make_state_series_reference.py \
        > tests/analytics/reference/state_series_expected.json

The rules are the product's documented ones (docs/data.md, the analysis's `adoption_rule` and `method`):
the Updated report wins over the Preliminary one; a state is expanded from the first report of its final run
of Y; states Y at their first monthly report are dated 2014; others are treated from the year the flag turned
Y when in January to June, else from the next year; enrollment per year is the mean of the reported months,
per 100 residents of the Census estimate, else the KFF (ACS) total population.
"""
import json
import pathlib

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats

STATES = pathlib.Path(__file__).resolve().parents[3] / "data" / "snapshot" / "states"
WINDOW = (-5, 8)
REFERENCE_BIN = -1


def monthly_reports():
    raw = pd.read_csv(STATES / "medicaid_chip_applications_eligibility_enrollment.csv", dtype=str)
    raw = raw[raw["State Abbreviation"] != "US"]
    raw["updated"] = raw["Preliminary or Updated"] == "U"
    raw = raw.sort_values(["State Abbreviation", "Reporting Period", "updated"])
    kept = raw.groupby(["State Abbreviation", "Reporting Period"]).tail(1)
    kept = kept.rename(columns={"State Abbreviation": "state", "Reporting Period": "period"})
    kept["enrollment"] = pd.to_numeric(kept["Total Medicaid and CHIP Enrollment"].str.replace(",", ""))
    return kept


def adoptions(reports):
    rows = []
    for state, group in reports.groupby("state"):
        group = group.sort_values("period")
        flags = list(group["State Expanded Medicaid"] == "Y")
        periods = list(group["period"])
        first_monthly = next(p for p in periods if not p.startswith("2013"))
        if not flags[-1]:
            rows.append({"state": state, "group": "not_expanded", "expanded_since": None, "adoption_year": None})
            continue
        start = len(flags) - 1
        while start > 0 and flags[start - 1]:
            start -= 1
        since = periods[start]
        year, month = int(since[:4]), int(since[4:])
        if since <= first_monthly:
            group_name, adoption = "expanded_2014", 2014
        else:
            group_name, adoption = "expanded_later", year if month <= 6 else year + 1
        rows.append({"state": state, "group": group_name, "expanded_since": f"{since[:4]}-{since[4:]}",
                     "adoption_year": adoption})
    return pd.DataFrame(rows)


def state_panel():
    long = pd.read_csv(STATES / "state_indicators_long.csv", dtype=str)
    kept = ["uninsured_share", "population", "coverage_total_population", "median_household_income_real"]
    long = long[long["indicator"].isin(kept)].copy()
    long["year"] = long["year"].astype(int)
    long["value"] = pd.to_numeric(long["value"])
    return long


def uninsured_panel():
    long = state_panel()
    uninsured = long[(long["indicator"] == "uninsured_share") & (long["state_abbr"] != "US")]
    return pd.DataFrame({"state": uninsured["state_abbr"], "year": uninsured["year"],
                         "y": uninsured["value"] * 100})


def enrollment_panel(reports):
    long = state_panel()
    census = long[long["indicator"] == "population"].set_index(["state_abbr", "year"])["value"]
    acs = long[long["indicator"] == "coverage_total_population"].set_index(["state_abbr", "year"])["value"]
    reports = reports.dropna(subset=["enrollment"]).copy()
    reports["year"] = reports["period"].str[:4].astype(int)
    means = reports.groupby(["state", "year"])["enrollment"].mean()
    rows = []
    for (state, year), mean in means.items():
        population = census.get((state, year), acs.get((state, year), np.nan))
        if not np.isnan(population):
            rows.append({"state": state, "year": year, "y": 100 * mean / population})
    return pd.DataFrame(rows)


def evidence(fit, name):
    low, high = fit.conf_int(alpha=0.05).loc[name]
    return {"effect": fit.params[name], "standard_error": fit.bse[name], "ci_95": [low, high],
            "t": fit.tvalues[name], "p_value": fit.pvalues[name], "df": float(fit.df_resid_inference)}


def clustered(formula, panel):
    groups = pd.factorize(panel["state"])[0]
    return smf.ols(formula, data=panel).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)


def did(panel):
    panel = panel.copy()
    panel["treated"] = (panel["adoption_year"].notna() & (panel["year"] >= panel["adoption_year"])).astype(float)
    fit = clustered("y ~ treated + C(state) + C(year)", panel)
    return dict(evidence(fit, "treated"), observations=int(fit.nobs), states=int(panel["state"].nunique()),
                treated_states=int(panel.loc[panel["treated"] == 1, "state"].nunique()))


def event_study(panel):
    panel = panel.copy()
    bins = (panel["year"] - panel["adoption_year"]).clip(*WINDOW)
    names = []
    for k in sorted(bins.dropna().unique().astype(int)):
        if k == REFERENCE_BIN:
            continue
        name = f"bin_{'m' if k < 0 else 'p'}{abs(k)}"
        panel[name] = (bins == k).astype(float)
        names.append((k, name))
    fit = clustered("y ~ " + " + ".join(n for _, n in names) + " + C(state) + C(year)", panel)
    return [dict(evidence(fit, name), event_time=k, observations=int((bins == k).sum())) for k, name in names]


def outcome(indicator, panel, table):
    panel = panel.merge(table[["state", "group", "adoption_year"]], on="state")
    trends = {}
    for group, rows in panel.groupby("group"):
        trends[group] = {
            "mean_before_2014": rows.loc[rows["year"] < 2014, "y"].mean(),
            "mean_since_2014": rows.loc[rows["year"] >= 2014, "y"].mean(),
            "values": [{"year": int(y), "mean": v.mean(), "states": int(v.size)}
                       for y, v in rows.groupby("year")["y"]],
        }
    return {"indicator": indicator, "group_trends": trends,
            "all_states": did(panel),
            "expanded_2014_vs_not_expanded": did(panel[panel["group"] != "expanded_later"]),
            "event_study": event_study(panel)}


def enrollment_cycle(enrollment):
    """Per 100 residents in 2019, 2023 and 2024 across the states reporting all three, and paired t-tests."""
    wide = enrollment.pivot(index="state", columns="year", values="y")[[2019, 2023, 2024]].dropna()
    rise = stats.ttest_1samp(wide[2023] - wide[2019], 0.0)
    fall = stats.ttest_1samp(wide[2024] - wide[2023], 0.0)
    return {"n": int(len(wide)), "means": [wide[y].mean() for y in (2019, 2023, 2024)],
            "rise_t": rise.statistic, "rise_p": rise.pvalue, "fall_t": fall.statistic, "fall_p": fall.pvalue}


def cause_extremes():
    """Per cause in the latest year: highest and lowest state, their ratio and the highest state's z (SD n - 1)."""
    causes = pd.read_csv(STATES / "nchs_leading_causes_of_death.csv", dtype=str, thousands=",")
    causes = causes[(causes["State"] != "United States") & (causes["Cause Name"] != "All causes")]
    causes["rate"] = pd.to_numeric(causes["Age-adjusted Death Rate"].str.replace(",", ""))
    causes["Year"] = causes["Year"].astype(int)
    latest = causes[causes["Year"] == causes["Year"].max()]
    out = {}
    for cause, rows in latest.groupby("Cause Name"):
        rows = rows.sort_values("rate")
        high, low = rows.iloc[-1], rows.iloc[0]
        out[cause] = {"year": int(high["Year"]), "highest": high["State"], "lowest": low["State"],
                      "ratio": high["rate"] / low["rate"],
                      "z": (high["rate"] - rows["rate"].mean()) / rows["rate"].std(ddof=1), "n": int(len(rows))}
    return out


def infant_mortality_against_income():
    """Pearson r of the latest infant mortality rate against the latest real median household income (each the
    latest year with 40 or more states, as the state table takes them), over the states with both."""
    infant = pd.read_csv(STATES / "nchs_infant_mortality_by_state.csv", dtype=str, encoding="utf-8-sig")
    infant["rate"] = pd.to_numeric(infant["Infant mortality rate"], errors="coerce")
    infant = infant.dropna(subset=["rate"])
    names = pd.read_csv(STATES / "state_indicators_long.csv", dtype=str)[["state_name", "state_abbr"]]
    infant["Location"] = infant["Location"].replace(dict(names.drop_duplicates().values))  # "District of Columbia"
    infant = infant[infant["Location"] != "US"]
    infant_latest = infant[infant["YEAR"] == max(y for y, g in infant.groupby("YEAR") if len(g) >= 40)]
    long = state_panel()
    income = long[(long["indicator"] == "median_household_income_real") & (long["state_abbr"] != "US")]
    income = income.dropna(subset=["value"])
    income_latest = income[income["year"] == max(y for y, g in income.groupby("year") if len(g) >= 40)]
    both = infant_latest.set_index("Location")["rate"].to_frame().join(
        income_latest.set_index("state_abbr")["value"], how="inner")
    r = stats.pearsonr(both["rate"], both["value"])
    return {"infant_year": int(infant_latest["YEAR"].iloc[0]), "income_year": int(income_latest["year"].iloc[0]),
            "n": int(len(both)), "r": r.statistic, "p": r.pvalue}


def main():
    reports = monthly_reports()
    table = adoptions(reports)
    enrollment = enrollment_panel(reports)
    out = {
        "adoptions": json.loads(table.to_json(orient="records")),
        "outcomes": [outcome("uninsured_share", uninsured_panel(), table),
                     outcome("medicaid_chip_enrollment_per_100", enrollment, table)],
        "insights": {"enrollment_cycle": enrollment_cycle(enrollment), "cause_extremes": cause_extremes(),
                     "infant_mortality_against_income": infant_mortality_against_income()},
    }
    print(json.dumps(out, indent=1, default=float))


main()
