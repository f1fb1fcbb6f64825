"""The Python baseline for bench/api_benchmark.sh: the same four endpoints in FastAPI, from memory.

It loads the hospitals, states and summary that `hci serve` exported (so both serve identical data).
/api/v1/... answers like the seed did: filter a list of dicts, slice a page, let FastAPI serialise it.
/raw/{name} is FastAPI's best case: the exact response bytes, rendered beforehand, returned as they are.
Run: HCI_BENCH_DATA=DIR /usr/bin/python3 -m uvicorn fastapi_app:app --workers 2 --loop uvloop --http httptools
"""
import json
import os

from fastapi import FastAPI, HTTPException, Response

DATA = os.environ["HCI_BENCH_DATA"]


def _load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as handle:
        return json.load(handle)


HOSPITALS = _load("all_hospitals.json")["data"]
BY_ID = {hospital["id"]: hospital for hospital in HOSPITALS}
STATES = _load("states.json")
SUMMARY = _load("summary.json")
SOURCE = SUMMARY["meta"]["source"]
VERSION = SUMMARY["meta"]["dataset_version"]
RAW = {}
for raw_name in ("list", "detail", "states", "summary"):
    with open(os.path.join(DATA, "static", raw_name + ".json"), "rb") as raw_file:
        RAW[raw_name] = raw_file.read()

app = FastAPI()


@app.get("/api/v1/hospitals")
def hospitals(state: str | None = None, limit: int = 50, offset: int = 0):
    rows = [h for h in HOSPITALS if state is None or h["state"] == state.upper()]
    page = rows[offset : offset + limit]
    return {
        "data": page,
        "meta": {"total": len(rows), "limit": limit, "offset": offset, "returned": len(page),
                 "dataset_version": VERSION, "source": SOURCE},
        "links": {"self": f"/api/v1/hospitals?state={state}&limit={limit}"},
    }


@app.get("/api/v1/hospitals/{hospital_id}")
def hospital(hospital_id: str):
    if hospital_id not in BY_ID:
        raise HTTPException(status_code=404)
    return {"data": {"hospital": BY_ID[hospital_id]}, "meta": {"dataset_version": VERSION, "source": SOURCE}}


@app.get("/api/v1/states")
def states():
    return STATES


@app.get("/api/v1/dashboard/summary")
def summary():
    return SUMMARY


@app.get("/raw/{name}")
def raw(name: str):
    if name not in RAW:
        raise HTTPException(status_code=404)
    return Response(content=RAW[name], media_type="application/json")
