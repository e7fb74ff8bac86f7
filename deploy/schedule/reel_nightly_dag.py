"""Airflow DAG: a nightly reel of the day's mail archive on YARN through deploy/submit.

The job's exit code tells Airflow what happened: 0 written, 2 bad option, 3 input or output problem, 1 internal
failure; a directory without _SUCCESS holds a run that did not finish.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

REEL_HOME = "/opt/highlight-reel"

with DAG(
    dag_id="highlight_reel_nightly",
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["highlight-reel"],
) as dag:
    BashOperator(
        task_id="reel_mail",
        cwd=REEL_HOME,
        env={"SPARK_HOME": "/opt/spark"},
        append_env=True,
        bash_command=(
            "deploy/submit yarn --deploy-mode client -- "
            "--input hdfs:///mail/{{ ds }} --output hdfs:///reels/{{ ds }} "
            "--question 'Which outages were reported today?'"
        ),
    )
