#!/usr/bin/env python3
"""Regenerates src/main/resources/seed/countries.json from Debian's iso-codes package.

Names are ISO 3166-1's English short names (the `name` field of iso_3166-1.json), so
"Congo, The Democratic Republic of the", not the JDK's display name "Congo - Kinshasa".
`region` (the UN M49 sub-region) is kept from the current file; it is filled for the
countries that records name. Run from the project root: python3 src/test/scripts/countries_from_iso_codes.py
"""
import json
import pathlib

ISO = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
SEED = pathlib.Path("src/main/resources/seed/countries.json")

# UN M49 sub-regions of the countries the region's records name, beside those already filled.
REGIONS = {
    "BY": "Eastern Europe", "MD": "Eastern Europe", "RU": "Eastern Europe", "UA": "Eastern Europe",
    "EE": "Northern Europe", "LV": "Northern Europe", "LT": "Northern Europe",
    "AM": "Western Asia", "AZ": "Western Asia", "GE": "Western Asia",
    "KZ": "Central Asia", "KG": "Central Asia", "TJ": "Central Asia", "TM": "Central Asia", "UZ": "Central Asia",
    "MN": "Eastern Asia", "CN": "Eastern Asia", "RS": "Southern Europe",
    "US": "Northern America", "AU": "Australia and New Zealand",
}

current = {c["code"]: c.get("region") for c in json.loads(SEED.read_text(encoding="utf-8"))}
rows = []
for c in sorted(json.loads(ISO.read_text(encoding="utf-8"))["3166-1"], key=lambda c: c["alpha_2"]):
    code = c["alpha_2"]
    region = current.get(code) or REGIONS.get(code)
    rows.append('  {"code": %s, "alpha3": %s, "name": %s, "region": %s}' % (
        json.dumps(code), json.dumps(c["alpha_3"]), json.dumps(c["name"], ensure_ascii=False),
        json.dumps(region)))
SEED.write_text("[\n" + ",\n".join(rows) + "\n]\n", encoding="utf-8")
print(f"{len(rows)} countries written to {SEED}")
