#!/usr/bin/env python3
"""An example factlint plugin: flags figures above a ceiling.

factlint sends the rule and the figures it selects as JSON on standard input and reads
diagnostics as JSON from standard output (see docs/plugins.md). Parameters:
  max: the largest plausible value, in base units (a number or a decimal string)
"""
import json
import sys
from decimal import Decimal

request = json.load(sys.stdin)
ceiling = Decimal(str(request["rule"]["parameters"]["max"]))
diagnostics = []
for figure in request["figures"]:
    low = figure["low"]
    if low is not None and Decimal(low) > ceiling:
        diagnostics.append({
            "file": figure["file"],
            "line": figure["line"],
            "column": figure["column"],
            "severity": "warning",
            "message": f"{figure['text']} is above the ceiling of {ceiling} for "
                       f"{figure['metric']}; check the scale word",
        })
json.dump({"diagnostics": diagnostics}, sys.stdout)
