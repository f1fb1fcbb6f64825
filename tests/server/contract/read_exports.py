"""The exports read by the tools spreadsheet and notebook users have: pandas reads the CSV, openpyxl the XLSX.
Run by api_contract.mjs with Debian's python3 (its pandas and openpyxl):  read_exports.py CSV_FILE XLSX_FILE ROWS
Both must hold ROWS hospitals with their CCNs and ZIPs as text with the leading zeros; the XLSX cells typed
(numbers as numbers, booleans as booleans). Prints one line per check; exits 1 on the first failure."""
import sys

import openpyxl
import pandas

csv_file, xlsx_file, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        sys.exit(1)


# pandas: a user keeps identifiers as text with dtype=str, as for any CMS file.
frame = pandas.read_csv(csv_file, dtype={"id": str, "zip": str, "county_fips": str, "phone": str})
check(len(frame) == rows, f"pandas reads {len(frame)} CSV rows = {rows}")
check(frame["id"].str.fullmatch(r"[0-9A-Z]{6}").all(), "every CSV CCN has its 6 characters")
check((frame["id"].str[0] == "0").sum() > 100, "CCNs with a leading zero keep it in the CSV (Alabama 01...)")
check(frame["zip"].str.fullmatch(r"[0-9]{5}").all(), "every CSV ZIP has its 5 digits")
check(frame["latitude"].dtype.kind == "f", "CSV latitudes parse as numbers")

# openpyxl: the workbook a spreadsheet opens.
sheet = openpyxl.load_workbook(xlsx_file, read_only=True).worksheets[0]
table = list(sheet.iter_rows(values_only=True))
header, body = table[0], table[1:]
check(len(body) == rows, f"openpyxl reads {len(body)} XLSX rows = {rows}")
column = {name: i for i, name in enumerate(header)}
check(list(header) == list(frame.columns), "the XLSX has the CSV's columns in the same order")
ids = [row[column["id"]] for row in body]
check(all(isinstance(v, str) and len(v) == 6 for v in ids), "every XLSX CCN is a 6-character text cell")
check(sum(v.startswith("0") for v in ids) > 100, "XLSX CCNs keep their leading zeros")
check(all(isinstance(row[column["zip"]], str) for row in body), "XLSX ZIPs are text cells")
check(all(isinstance(row[column["emergency_services"]], bool) for row in body), "emergency_services is a boolean cell")
ratings = [row[column["rating"]] for row in body]
check(all(v is None or isinstance(v, (int, float)) for v in ratings), "ratings are number cells, empty when unrated")
check(ratings.count(None) == frame["rating"].isna().sum(), "the XLSX has as many unrated hospitals as the CSV")
check(sorted(ids) == sorted(frame["id"]), "the XLSX and the CSV hold the same hospitals")
