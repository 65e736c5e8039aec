#!/usr/bin/env python3
"""Runs `winnow clean` on every partition of a crawl with PySpark: Winnow reads standard input
and writes standard output, so each Spark task pipes its share of the input through one
winnow process. Works the same in local mode and on a cluster (winnow and config/ must be on
every worker, at the same path).

    spark-submit winnow_spark.py --winnow /path/to/winnow --config /path/to/config INPUT OUTPUT

INPUT is a folder of JSON Lines files (one page per line: the `html` and `url` fields, as
`winnow clean` reads them) or of WARC files (`.warc`, `.warc.gz`); OUTPUT is a folder of
JSON Lines records, one part file per partition, rejects included (status "rejected").
"""
import argparse
import os
import subprocess

from pyspark.sql import SparkSession


def winnow_command(args, extra):
    command = [args.winnow, "clean", "-", "-q", "--allow-rejects", "--no-progress", "--jobs", "1"] + extra
    # Site rules and names are read from config/ in the working directory; name it explicitly.
    if args.config:
        command += ["--rules", args.config, "--names", args.config]
    return command


def run_on_warc_files(files, command):
    """A partition of (path, bytes) WARC files: each file through one winnow process."""
    for _, content in files:
        result = subprocess.run(command + ["--input-format", "warc"], input=content, capture_output=True, check=False)
        if result.returncode not in (0, 1):
            raise RuntimeError(result.stderr.decode("utf-8", "replace"))
        for line in result.stdout.decode("utf-8").splitlines():
            yield line


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--winnow", default="winnow")
    parser.add_argument("--config", help="the folder holding sites/ and names/ (default: config/ in each task's working folder)")
    parser.add_argument("--partitions", type=int, default=0)
    args = parser.parse_args()

    spark = SparkSession.builder.appName("winnow").getOrCreate()
    context = spark.sparkContext
    names = os.listdir(args.input) if os.path.isdir(args.input) else [args.input]
    if any(name.endswith((".warc", ".warc.gz")) for name in names):
        files = context.binaryFiles(args.input, minPartitions=args.partitions or None)
        records = files.mapPartitions(lambda part: run_on_warc_files(part, winnow_command(args, [])))
    else:
        # JSON Lines: each line is a page; RDD.pipe writes a partition's lines to one process.
        lines = context.textFile(args.input, minPartitions=args.partitions or None)
        records = lines.pipe(" ".join(winnow_command(args, ["--input-format", "jsonl"])))
    records.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
