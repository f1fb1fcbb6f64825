#!/usr/bin/env bash
# The models against scikit-learn on identical rows, features and folds (issue 4).
# hci exports what its models train on (`hci train --export-training-sets`); bench/sklearn_models.py fits
# scikit-learn's RandomForestRegressor, Python XGBoost, LinearRegression and KMeans on those files.
# hci's figures come from its own model records (cross-validated metrics and CV seconds per candidate).
# Runs RUNS times; medians go to bench/out/ml.md.
# Usage: bench/ml_benchmark.sh   (after `make release`; RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
hci=build/release/src/cli/hci
python=/usr/bin/python3   # Debian's python3-sklearn, python3-xgboost, python3-pandas
out=bench/out
db="sqlite:$out/ml.db"
mkdir -p "$out"
rm -f "$out"/ml.db "$out"/ml.db-*
"$hci" --db "$db" ingest --report-dir "$out/quality" > /dev/null
"$hci" --db "$db" train --export-training-sets "$out/training_sets" > /dev/null

: > "$out/ml-hci.jsonl"
: > "$out/ml-sklearn.jsonl"
for _ in $(seq "$runs"); do
  rm -rf "$out/models"
  /usr/bin/time -f "%e" -o "$out/train-seconds.txt" "$hci" --db "$db" train --models-dir "$out/models" > /dev/null
  "$python" - "$out/models" "$(cat "$out/train-seconds.txt")" >> "$out/ml-hci.jsonl" <<'PY'
import glob, json, sys
models = {json.load(open(f))["name"]: json.load(open(f)) for f in glob.glob(sys.argv[1] + "/*.json")}
r, c, k = models["rating"]["metrics"], models["cost"]["metrics"], models["clusters"]["metrics"]
print(json.dumps({"train_all_seconds": float(sys.argv[2]), "rating": r,
                  "cost": {t: {"r2": v["r2_in_sample"], "coefficients": {x["name"]: x["coefficient"] for x in v["coefficients"]}}
                           for t, v in c.items()},
                  "clusters": {"silhouette": k["silhouette"], "inertia": k["inertia"]},
                  "outcome": models["outcome"]["metrics"]}))
PY
  "$python" bench/sklearn_models.py "$out/training_sets" | "$python" -c "import json,sys; print(json.dumps(json.load(sys.stdin)))" >> "$out/ml-sklearn.jsonl"
done

"$python" - "$out/ml-hci.jsonl" "$out/ml-sklearn.jsonl" <<'PY' | tee "$out/ml.md"
import json, statistics, sys
hci = [json.loads(l) for l in open(sys.argv[1])]
sk = [json.loads(l) for l in open(sys.argv[2])]
med = lambda rows, f: statistics.median(f(r) for r in rows)
cand = lambda r, name: next(c for c in r["rating"]["candidates"] if c["algorithm"].startswith(name))
rows = [
    ("hci: XGBoost random-forest mode (200 trees)", lambda r: cand(r, "xgboost random forest"), hci),
    ("hci: XGBoost gradient boosting (kept)", lambda r: cand(r, "xgboost gradient boosting"), hci),
    ("scikit-learn RandomForestRegressor(200)", lambda r: r["rating"]["sklearn_random_forest"], sk),
    ("Python XGBoost XGBRegressor (hci's parameters)", lambda r: r["rating"]["python_xgboost_gbm"], sk),
]
print("| rating model, 5-fold CV on identical folds | CV R2 | CV MAE | rounded = true | CV seconds |")
print("|---|---:|---:|---:|---:|")
for name, get, source in rows:
    print(f"| {name} | {med(source, lambda r: get(r)['r2']):.3f} | {med(source, lambda r: get(r)['mae']):.3f} | "
          f"{med(source, lambda r: get(r)['rounded_accuracy']) * 100:.1f}% | {med(source, lambda r: get(r)['cv_seconds']):.2f} |")
sk_rf = med(sk, lambda r: r["rating"]["sklearn_random_forest"]["cv_seconds"])
gbm = med(hci, lambda r: cand(r, "xgboost gradient boosting")["cv_seconds"])
rf = med(hci, lambda r: cand(r, "xgboost random forest")["cv_seconds"])
print(f"\nKept model (gradient boosting) CV time / scikit-learn random forest CV time: {gbm / sk_rf:.2f}; "
      f"hci's random-forest mode / scikit-learn's: {rf / sk_rf:.2f}.")
print(f"`hci train` of all four models: {med(hci, lambda r: r['train_all_seconds']):.1f} s wall.")
print("\n| cost model (OLS, state fixed effects) | hci R2 | scikit-learn R2 | hci year coef. | scikit-learn year coef. |")
print("|---|---:|---:|---:|---:|")
for t in ["aca_marketplace_benchmark_premium", "medicare_spending_per_enrollee"]:
    print(f"| {t} | {hci[0]['cost'][t]['r2']:.4f} | {sk[0]['cost'][t]['r2']:.4f} | "
          f"{hci[0]['cost'][t]['coefficients']['year']:.3f} | {sk[0]['cost'][t]['coefficients']['year']:.3f} |")
print("\n| state clusters, k = 4 | silhouette | inertia |")
print("|---|---:|---:|")
print(f"| hci k-means++ (10 restarts) | {hci[0]['clusters']['silhouette']:.3f} | {hci[0]['clusters']['inertia']:.2f} |")
print(f"| scikit-learn KMeans(n_init=10) | {sk[0]['clusters']['silhouette']:.3f} | {sk[0]['clusters']['inertia']:.2f} |")
o = hci[0]["outcome"]
print(f"\nLife expectancy (hci, XGBoost): counties 5-fold CV R2 {o['r2']:.3f}, MAE {o['mae']:.2f} years "
      f"(n = {o['n']}); states leave-one-out R2 {o['state_level']['r2']:.3f}, MAE {o['state_level']['mae']:.2f}.")
print(f"({len(hci)} runs, medians)")
PY
