#!/usr/bin/python3
"""scikit-learn (and Python XGBoost) on the exact rows, features and folds hci's models train on.

Reads the CSVs written by `hci train --export-training-sets DIR` and prints one JSON object: for the
rating model, 5-fold CV R2 / MAE / rounded-hit share and CV seconds of RandomForestRegressor(200 trees,
median imputation inside each fold: scikit-learn 1.2 forests take no NaN) and of XGBRegressor with
hci's gradient-boosting parameters; for the cost model, LinearRegression on the same design (R2 and the
non-state coefficients); for the clusters, KMeans(4, n_init=10) silhouette and inertia.
Usage: sklearn_models.py DIR
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import xgboost
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, r2_score, silhouette_score
from sklearn.pipeline import make_pipeline

GBM = dict(n_estimators=300, learning_rate=0.05, max_depth=4, min_child_weight=3, subsample=0.8,
           colsample_bytree=0.8, reg_lambda=1.0, tree_method="hist", n_jobs=2, random_state=42)


def cross_validate(make_model, x, y, folds):
    predicted = np.zeros(len(y))
    started = time.perf_counter()
    for fold in sorted(set(folds)):
        test = folds == fold
        model = make_model().fit(x[~test], y[~test])
        predicted[test] = model.predict(x[test])
    seconds = time.perf_counter() - started
    return {"r2": r2_score(y, predicted), "mae": mean_absolute_error(y, predicted),
            "rounded_accuracy": float(np.mean(np.round(predicted) == y)), "cv_seconds": seconds}


def rating(directory):
    table = pd.read_csv(f"{directory}/rating_training_set.csv", dtype={"id": str})
    x = table.drop(columns=["id", "fold", "rating"]).to_numpy(dtype=float)
    y = table["rating"].to_numpy(dtype=float)
    folds = table["fold"].to_numpy()
    forest = lambda: make_pipeline(SimpleImputer(strategy="median"),
                                   RandomForestRegressor(n_estimators=200, n_jobs=2, random_state=42))
    return {"rows": len(y), "features": x.shape[1],
            "sklearn_random_forest": cross_validate(forest, x, y, folds),
            "python_xgboost_gbm": cross_validate(lambda: xgboost.XGBRegressor(**GBM), x, y, folds)}


def cost(directory, target):
    table = pd.read_csv(f"{directory}/cost_{target}.csv")
    x = table.drop(columns=["state", "calendar_year", target])
    started = time.perf_counter()
    model = LinearRegression().fit(x, table[target])
    seconds = time.perf_counter() - started
    coefficients = {name: value for name, value in zip(x.columns, model.coef_) if not name.startswith("state_")}
    return {"r2": model.score(x, table[target]), "intercept": model.intercept_, "coefficients": coefficients,
            "seconds": seconds}


def clusters(directory):
    z = pd.read_csv(f"{directory}/cluster_profiles.csv").drop(columns=["state"]).to_numpy()
    started = time.perf_counter()
    model = KMeans(n_clusters=4, n_init=10, random_state=42).fit(z)
    seconds = time.perf_counter() - started
    return {"silhouette": silhouette_score(z, model.labels_), "inertia": model.inertia_, "seconds": seconds}


directory = sys.argv[1]
print(json.dumps({"rating": rating(directory),
                  "cost": {t: cost(directory, t) for t in ["aca_marketplace_benchmark_premium",
                                                           "medicare_spending_per_enrollee"]},
                  "clusters": clusters(directory)}, indent=1))
