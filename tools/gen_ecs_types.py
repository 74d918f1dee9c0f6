#!/usr/bin/env python3
"""Generate crates/api/src/ecs.rs from the ECS service model vendored in the repository.

botocore's ECS model is the spec for every ECS shape, field name, enum and limit, so
berth's wire types are generated from it rather than written by hand. The exact model the
types come from is vendored as crates/api/model/ecs-2014-11-13.json, so that generation and
the field-coverage test (crates/server/src/fields.rs) do not depend on whichever botocore a
machine has installed. Run from anywhere:

    python3 tools/gen_ecs_types.py | rustfmt --edition 2021 > crates/api/src/ecs.rs

To move to a newer model, refresh the vendored copy from an installed botocore first
(then regenerate, and classify any new request members in crates/server/src/fields.rs):

    pip install -U botocore && python3 tools/gen_ecs_types.py --vendor
"""
import gzip
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENDORED = os.path.join(REPO, "crates", "api", "model", "ecs-2014-11-13.json")
RUST_KEYWORDS = {"type", "override", "match", "ref", "use", "mod", "fn", "in", "for", "loop",
                 "async", "await", "move", "self", "super", "crate", "where", "struct", "enum",
                 "impl", "trait", "as", "box", "const", "static", "final", "priv", "macro", "yield"}
RESERVED_TYPE_NAMES = {"Option", "Result", "Box", "Vec", "String", "Value", "Map", "Error"}


def botocore_model_path():
    import botocore

    base = os.path.join(os.path.dirname(botocore.__file__), "data", "ecs", "2014-11-13")
    return os.path.join(base, "service-2.json"), botocore.__version__


def vendor():
    """Copies botocore's ECS model, byte for byte, to the vendored path."""
    path, version = botocore_model_path()
    if os.path.exists(path):
        data = open(path, "rb").read()
    else:
        data = gzip.open(path + ".gz").read()
    with open(VENDORED, "wb") as out:
        out.write(data)
    sys.stderr.write("vendored the ECS model of botocore %s into %s\n" % (version, VENDORED))


def load_model():
    with open(VENDORED, "rb") as f:
        return json.load(f)


def snake(name):
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"[^a-zA-Z0-9_]", "_", s).lower()
    if s in RUST_KEYWORDS:
        s = s + "_"
    if s[0].isdigit():
        s = "n" + s
    return s


def type_name(name):
    return name + "Shape" if name in RESERVED_TYPE_NAMES else name


def variant(value):
    parts = re.split(r"[^a-zA-Z0-9]+", value)
    out = "".join(p[:1].upper() + p[1:].lower() if p.isupper() or p.islower() else p[:1].upper() + p[1:]
                  for p in parts if p)
    if not out or out[0].isdigit():
        out = "V" + out
    return out


def rust_type(model, shape_name):
    shape = model["shapes"][shape_name]
    t = shape["type"]
    if t == "string":
        return type_name(shape_name) if "enum" in shape else "String"
    if t == "integer":
        return "i32"
    if t == "long":
        return "i64"
    if t == "boolean":
        return "bool"
    if t in ("double", "float"):
        return "f64"
    if t == "timestamp":
        return "f64"
    if t == "blob":
        return "String"
    if t == "list":
        return "Vec<%s>" % rust_type(model, shape["member"]["shape"])
    if t == "map":
        return "BTreeMap<String, %s>" % rust_type(model, shape["value"]["shape"])
    if t == "structure":
        return type_name(shape_name)
    raise ValueError(t)


def doc_line(text):
    text = re.sub(r"<[^>]+>", "", text or "").strip()
    text = text.split(". ")[0].strip().rstrip(".")
    return text.replace("\n", " ")[:200]


def constraint_checks(model, member_shape_name, access, wire_name):
    """Rust statements that check the model's min/max limits for one value."""
    shape = model["shapes"][member_shape_name]
    t = shape["type"]
    checks = []
    if t == "string" and "enum" not in shape:
        if "min" in shape or "max" in shape:
            checks.append("check_len(path, %s, %s.chars().count(), %s, %s)?;" % (
                json.dumps(wire_name), access, shape.get("min", "0"), shape.get("max", "usize::MAX")))
    elif t in ("integer", "long"):
        if "min" in shape or "max" in shape:
            checks.append("check_range(path, %s, i64::from(*%s), %s, %s)?;" % (
                json.dumps(wire_name), access, shape.get("min", "i64::MIN"), shape.get("max", "i64::MAX")))
    elif t == "list":
        if "min" in shape or "max" in shape:
            checks.append("check_len(path, %s, %s.len(), %s, %s)?;" % (
                json.dumps(wire_name), access, shape.get("min", "0"), shape.get("max", "usize::MAX")))
        inner = model["shapes"][shape["member"]["shape"]]
        if inner["type"] == "structure":
            checks.append("for item in %s.iter() { item.validate(&format!(\"{path}.%s\"))?; }" % (access, wire_name))
    elif t == "map":
        inner = model["shapes"][shape["value"]["shape"]]
        if inner["type"] == "structure":
            checks.append("for item in %s.values() { item.validate(&format!(\"{path}.%s\"))?; }" % (access, wire_name))
    elif t == "structure":
        checks.append("%s.validate(&format!(\"{path}.%s\"))?;" % (access, wire_name))
    return checks


def main():
    model = load_model()
    shapes = model["shapes"]
    out = []
    w = out.append
    w("//! ECS wire types, generated from botocore's model by `tools/gen_ecs_types.py`.")
    w("//!")
    w("//! Do not edit by hand: change the generator and run it again. Every structure")
    w("//! deserializes from and serializes to ECS's JSON 1.1 shapes exactly, and implements")
    w("//! [`Validate`] with the model's length and range limits.")
    w("#![allow(clippy::all, missing_docs)]")
    w("")
    w("use std::collections::BTreeMap;")
    w("")
    w("use serde::{Deserialize, Serialize};")
    w("")
    w("use crate::validate::{check_len, check_range, Validate, ValidationError};")
    w("")
    for name in sorted(shapes):
        shape = shapes[name]
        if shape.get("exception"):
            continue
        if shape["type"] == "string" and "enum" in shape:
            tn = type_name(name)
            w("/// ECS enum `%s`." % name)
            w("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]")
            w("pub enum %s {" % tn)
            seen = set()
            for value in shape["enum"]:
                v = variant(value)
                while v in seen:
                    v += "_"
                seen.add(v)
                w("    #[serde(rename = %s)]" % json.dumps(value))
                w("    %s," % v)
            w("}")
            w("")
            w("impl %s {" % tn)
            w("    /// Every value the model allows, in the model's order.")
            w("    pub const ALL: &'static [%s] = &[%s];" % (tn, ", ".join("%s::%s" % (tn, v) for v in
                  [variant_unique for variant_unique in _variants(shape["enum"])])))
            w("    /// The wire spelling of this value.")
            w("    pub fn as_str(&self) -> &'static str {")
            w("        match self {")
            for value, v in zip(shape["enum"], _variants(shape["enum"])):
                w("            %s::%s => %s," % (tn, v, json.dumps(value)))
            w("        }")
            w("    }")
            w("    /// Parses the wire spelling.")
            w("    pub fn parse(value: &str) -> Option<Self> {")
            w("        Self::ALL.iter().copied().find(|v| v.as_str() == value)")
            w("    }")
            w("}")
            w("")
            w("impl std::fmt::Display for %s {" % tn)
            w("    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {")
            w("        f.write_str(self.as_str())")
            w("    }")
            w("}")
            w("")
        elif shape["type"] == "structure":
            tn = type_name(name)
            required = set(shape.get("required", []))
            doc = doc_line(shape.get("documentation"))
            w("/// ECS structure `%s`.%s" % (name, (" " + doc + ".") if doc else ""))
            w("#[derive(Debug, Clone, %sPartialEq, Serialize, Deserialize)]" % ("Default, " if has_default(model, name) else ""))
            w("pub struct %s {" % tn)
            validations = []
            for member, spec in shape.get("members", {}).items():
                rt = rust_type(model, spec["shape"])
                field = snake(member)
                w("    #[serde(rename = %s%s)]" % (json.dumps(member),
                  "" if member in required else ", default, skip_serializing_if = \"Option::is_none\""))
                if member in required:
                    w("    pub %s: %s," % (field, rt))
                    if rt == "String" or rt.startswith("Vec<") or rt in ("i32", "i64"):
                        pass
                    checks = constraint_checks(model, spec["shape"], "(&self.%s)" % field if rt.startswith("Vec") or rt == "String" else "(&self.%s)" % field, member)
                    validations.extend(checks)
                else:
                    w("    pub %s: Option<%s>," % (field, rt))
                    checks = constraint_checks(model, spec["shape"], "value", member)
                    if checks:
                        validations.append("if let Some(value) = &self.%s { %s }" % (field, " ".join(checks)))
            w("}")
            w("")
            w("impl Validate for %s {" % tn)
            w("    #[allow(unused_variables)]")
            w("    fn validate(&self, path: &str) -> Result<(), ValidationError> {")
            for v in validations:
                w("        " + v)
            w("        Ok(())")
            w("    }")
            w("}")
            w("")
    sys.stdout.write("\n".join(out) + "\n")


def has_default(model, name, seen=()):
    shape = model["shapes"][name]
    if shape["type"] == "string":
        return "enum" not in shape
    if shape["type"] != "structure":
        return True
    if name in seen:
        return True
    for member in shape.get("required", []):
        if not has_default(model, shape["members"][member]["shape"], seen + (name,)):
            return False
    return True


def _variants(values):
    seen = set()
    out = []
    for value in values:
        v = variant(value)
        while v in seen:
            v += "_"
        seen.add(v)
        out.append(v)
    return out


if __name__ == "__main__":
    if sys.argv[1:] == ["--vendor"]:
        vendor()
    elif sys.argv[1:]:
        sys.exit("usage: gen_ecs_types.py [--vendor]")
    else:
        main()
