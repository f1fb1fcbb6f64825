"""The hci pipeline as an Airflow DAG, for teams that already run Airflow.

One BashOperator per task; each calls `hci pipeline run --only TASK`, which records the attempt in the
hci database as the built-in scheduler does. Set HCI_DB (and HCI_BIN when hci is not on PATH) in the
Airflow workers' environment. Airflow's retries stand in for hci's own (each call makes one attempt).
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

HCI = "${HCI_BIN:-hci} pipeline run --attempts 1 --only"

with DAG(
    dag_id="hci_pipeline",
    description="collect -> ingest -> analytics -> train -> publish",
    schedule_interval="0 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=1), "retry_exponential_backoff": True},
) as dag:
    tasks = [
        BashOperator(task_id=name, bash_command=f"{HCI} {name}", execution_timeout=timedelta(minutes=minutes))
        for name, minutes in [("collect", 5), ("ingest", 10), ("analytics", 10), ("train", 30), ("publish", 1)]
    ]
    for upstream, downstream in zip(tasks, tasks[1:]):
        upstream >> downstream
