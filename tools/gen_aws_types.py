#!/usr/bin/env python3
"""Generate berth's AWS wire types (crates/api/src/SERVICE.rs) from botocore's models.

The botocore model is the spec for every shape, member name, enum and limit, so berth's
wire types are generated from it rather than written by hand. Run from the repository root:

    pip install botocore
    python3 tools/gen_aws_types.py ecs            # rewrites crates/api/src/ecs.rs
    python3 tools/gen_aws_types.py all            # every service below
    python3 tools/gen_aws_types.py iam --stdout   # print instead of writing

The file is written, then formatted with `rustfmt` (from the toolchain).

ECS's model is read from the copy vendored in the repository
(crates/api/model/ecs-2014-11-13.json), which the field-coverage test
(crates/server/src/fields.rs) also reads, so neither depends on the botocore a machine has.
To move ECS to a newer model, refresh that copy first (then regenerate, and classify any new
request members in fields.rs):

    pip install -U botocore && python3 tools/gen_aws_types.py --vendor-ecs

- ECS keeps every shape of its model (berth serves most of it).
- The other services get only the shapes reachable from the operations listed in
  SERVICES (inputs, outputs and everything nested), so the files stay small.
- AWS JSON 1.1 services (ecs, ssm, secretsmanager, logs) derive serde with the exact wire
  names. `timestamp` members are epoch seconds (f64), `long` members i64, `blob` members
  base64 text (String).
- Structures with members the model marks `sensitive` (secret values, passwords) get a
  `Debug` that shows those members as `<redacted>`, so that no log of a request or response
  can show them.
- AWS Query services (iam, sts, elbv2) derive serde too (for storage), and implement
  `query::FromQuery` (input shapes) and `query::ToXml` (output shapes), generated from the
  same serialization rules botocore's QuerySerializer and QueryParser follow.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import textwrap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENDORED = {"ecs/2014-11-13": os.path.join(REPO, "crates", "api", "model", "ecs-2014-11-13.json")}


def botocore_models():
    import botocore

    return os.path.join(os.path.dirname(botocore.__file__), "data")

RUST_KEYWORDS = {"type", "override", "match", "ref", "use", "mod", "fn", "in", "for", "loop",
                 "async", "await", "move", "return", "self", "super", "crate", "where", "struct", "enum",
                 "impl", "trait", "as", "box", "const", "static", "final", "priv", "macro", "yield"}
# Shape names that would shadow a name the generated code uses.
RESERVED_TYPE_NAMES = {"Option", "Result", "Box", "Vec", "String", "Value", "Map", "Error"}
QUERY_RESERVED_TYPE_NAMES = RESERVED_TYPE_NAMES | {
    "Cow", "BTreeMap", "FromQuery", "ToXml", "QueryParams", "QueryError", "QueryScalar",
    "XmlWriter", "Validate", "ValidationError", "Serialize", "Deserialize"}


def ops(text):
    return text.split()


# Every service berth generates types for. `ops` None means every shape of the model.
SERVICES = {
    "ecs": dict(model="ecs/2014-11-13", label="ECS", title="ECS", ops=None),
    "ssm": dict(model="ssm/2014-11-06", label="SSM", title="SSM Parameter Store", ops=ops(
        "PutParameter GetParameter GetParameters GetParametersByPath DescribeParameters "
        "DeleteParameter DeleteParameters GetParameterHistory LabelParameterVersion "
        "UnlabelParameterVersion AddTagsToResource RemoveTagsFromResource ListTagsForResource "
        "ResumeSession TerminateSession")),
    "secretsmanager": dict(model="secretsmanager/2017-10-17", label="Secrets Manager",
                           title="Secrets Manager", ops=ops(
        "CreateSecret GetSecretValue BatchGetSecretValue PutSecretValue DescribeSecret "
        "ListSecrets UpdateSecret DeleteSecret RestoreSecret UpdateSecretVersionStage "
        "ListSecretVersionIds TagResource UntagResource")),
    "logs": dict(model="logs/2014-03-28", label="CloudWatch Logs", title="CloudWatch Logs",
                 ops=ops(
        "CreateLogGroup DescribeLogGroups DeleteLogGroup PutRetentionPolicy "
        "DeleteRetentionPolicy CreateLogStream DescribeLogStreams DeleteLogStream "
        "PutLogEvents GetLogEvents FilterLogEvents TagResource UntagResource "
        "ListTagsForResource")),
    "iam": dict(model="iam/2010-05-08", label="IAM", title="IAM", ops=ops(
        "CreateRole GetRole ListRoles DeleteRole UpdateAssumeRolePolicy PutRolePolicy "
        "GetRolePolicy DeleteRolePolicy ListRolePolicies CreateUser GetUser ListUsers "
        "DeleteUser CreateAccessKey DeleteAccessKey ListAccessKeys PutUserPolicy "
        "GetUserPolicy DeleteUserPolicy ListUserPolicies")),
    "sts": dict(model="sts/2011-06-15", label="STS", title="STS", ops=ops(
        "GetCallerIdentity AssumeRole")),
    "elbv2": dict(model="elbv2/2015-12-01", label="ELBv2", title="Elastic Load Balancing v2",
                  ops=ops(
        "CreateLoadBalancer DescribeLoadBalancers DeleteLoadBalancer "
        "DescribeLoadBalancerAttributes ModifyLoadBalancerAttributes CreateTargetGroup "
        "DescribeTargetGroups ModifyTargetGroup DeleteTargetGroup "
        "DescribeTargetGroupAttributes ModifyTargetGroupAttributes CreateListener "
        "DescribeListeners ModifyListener DeleteListener CreateRule DescribeRules ModifyRule "
        "DeleteRule SetRulePriorities RegisterTargets DeregisterTargets DescribeTargetHealth "
        "AddTags RemoveTags DescribeTags")),
    "ec2": dict(model="ec2/2016-11-15", label="EC2", title="EC2 (subnets and security groups)",
                ops=ops(
        "CreateSubnet DescribeSubnets DeleteSubnet CreateSecurityGroup DescribeSecurityGroups "
        "DeleteSecurityGroup AuthorizeSecurityGroupIngress RevokeSecurityGroupIngress")),
}


def botocore_model_bytes(model):
    path = os.path.join(botocore_models(), model, "service-2.json")
    if os.path.exists(path):
        return open(path, "rb").read()
    return gzip.open(path + ".gz").read()


def load_model(model):
    if model in VENDORED:
        with open(VENDORED[model], "rb") as f:
            return json.load(f)
    return json.loads(botocore_model_bytes(model))


def vendor_ecs():
    """Copies the installed botocore's ECS model, byte for byte, to the vendored path."""
    import botocore

    model = "ecs/2014-11-13"
    with open(VENDORED[model], "wb") as out:
        out.write(botocore_model_bytes(model))
    sys.stderr.write("vendored the ECS model of botocore %s into %s\n"
                     % (botocore.__version__, VENDORED[model]))


def snake(name):
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"[^a-zA-Z0-9_]", "_", s).lower()
    if s in RUST_KEYWORDS:
        s = s + "_"
    if s[0].isdigit():
        s = "n" + s
    return s


def variant(value):
    parts = re.split(r"[^a-zA-Z0-9]+", value)
    out = "".join(p[:1].upper() + p[1:].lower() if p.isupper() or p.islower() else p[:1].upper() + p[1:]
                  for p in parts if p)
    if not out or out[0].isdigit():
        out = "V" + out
    return out


def variants(values):
    seen = set()
    out = []
    for value in values:
        v = variant(value)
        while v in seen:
            v += "_"
        seen.add(v)
        out.append(v)
    return out


def doc_line(text):
    text = re.sub(r"<[^>]+>", "", text or "").strip()
    text = text.split(". ")[0].strip().rstrip(".")
    return text.replace("\n", " ")[:200]


def rust_str(value):
    return json.dumps(value)


class Generator:
    def __init__(self, service):
        self.key = service
        self.config = SERVICES[service]
        self.model = load_model(self.config["model"])
        self.meta = self.model["metadata"]
        self.shapes = self.model["shapes"]
        # EC2's protocol is AWS Query with its own request names (see `request_member_name`)
        # and answers without a result wrapper.
        self.ec2 = self.meta["protocol"] == "ec2"
        self.query = self.meta["protocol"] in ("query", "ec2")
        # ECS is kept exactly as it was first generated; the newer modules also document
        # their members and their operations.
        self.legacy = self.config["ops"] is None
        self.label = self.config["label"]
        self.reserved = QUERY_RESERVED_TYPE_NAMES if self.query else RESERVED_TYPE_NAMES
        if self.legacy:
            self.names = sorted(n for n in self.shapes if not self.shapes[n].get("exception"))
            self.input_shapes = set(self.names)
            self.output_shapes = set(self.names)
        else:
            self.input_shapes = set()
            self.output_shapes = set()
            for op in self.config["ops"]:
                spec = self.model["operations"][op]
                if "input" in spec:
                    self.reach(spec["input"]["shape"], self.input_shapes)
                if "output" in spec:
                    self.reach(spec["output"]["shape"], self.output_shapes)
            self.names = sorted(self.input_shapes | self.output_shapes)
        self.type_names = {}
        for name in self.names:
            self.type_names[name] = self.make_type_name(name)
        clashes = len(set(self.type_names.values())) != len(self.type_names)
        if clashes:
            raise SystemExit("two shapes map to one Rust type name in %s" % service)

    def reach(self, name, into):
        if name in into:
            return
        into.add(name)
        shape = self.shapes[name]
        for part in ("member", "key", "value"):
            if part in shape:
                self.reach(shape[part]["shape"], into)
        for spec in shape.get("members", {}).values():
            self.reach(spec["shape"], into)

    def make_type_name(self, name):
        if not self.legacy:
            # IAM names some shapes in camelCase (`statusType`); Rust types are CamelCase.
            name = name[:1].upper() + name[1:]
        return name + "Shape" if name in self.reserved else name

    def type_name(self, name):
        return self.type_names.get(name) or self.make_type_name(name)

    def rust_type(self, shape_name):
        shape = self.shapes[shape_name]
        t = shape["type"]
        if t == "string":
            return self.type_name(shape_name) if "enum" in shape else "String"
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
            return "Vec<%s>" % self.rust_type(shape["member"]["shape"])
        if t == "map":
            return "BTreeMap<String, %s>" % self.rust_type(shape["value"]["shape"])
        if t == "structure":
            return self.type_name(shape_name)
        raise ValueError(t)

    def has_default(self, name, seen=()):
        shape = self.shapes[name]
        if shape["type"] == "string":
            return "enum" not in shape
        if shape["type"] != "structure":
            return True
        if name in seen:
            return True
        for member in shape.get("required", []):
            if not self.has_default(shape["members"][member]["shape"], seen + (name,)):
                return False
        return True

    def constraint_checks(self, member_shape_name, access, wire_name):
        """Rust statements that check the model's min/max limits for one value."""
        shape = self.shapes[member_shape_name]
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
            inner = self.shapes[shape["member"]["shape"]]
            if inner["type"] == "structure":
                checks.append("for item in %s.iter() { item.validate(&format!(\"{path}.%s\"))?; }" % (access, wire_name))
        elif t == "map":
            inner = self.shapes[shape["value"]["shape"]]
            if inner["type"] == "structure":
                checks.append("for item in %s.values() { item.validate(&format!(\"{path}.%s\"))?; }" % (access, wire_name))
        elif t == "structure":
            checks.append("%s.validate(&format!(\"{path}.%s\"))?;" % (access, wire_name))
        return checks

    # ----- the AWS Query protocol: names, readers and writers -----

    def query_member_name(self, member, spec):
        """The name of a structure member in a query request and in XML, as botocore sends
        and reads it: a flattened list whose member has a locationName is named by that."""
        shape = self.shapes[spec["shape"]]
        if shape["type"] == "list" and shape.get("flattened") and shape["member"].get("locationName"):
            return shape["member"]["locationName"]
        return spec.get("locationName", member)

    def request_member_name(self, member, spec):
        """The parameter name of a request member: EC2 (botocore's EC2Serializer) uses the
        member's `queryName`, else its `locationName` capitalized, else its name."""
        if not self.ec2:
            return self.query_member_name(member, spec)
        if "queryName" in spec:
            return spec["queryName"]
        if "locationName" in spec:
            return spec["locationName"][:1].upper() + spec["locationName"][1:]
        return member

    def request_list_member_arg(self, shape):
        """EC2 requests send every list flattened: `Name.1`, `Name.2`."""
        return "None" if self.ec2 else self.list_member_arg(shape)

    def list_member_arg(self, shape):
        if shape.get("flattened"):
            return "None"
        return "Some(%s)" % rust_str(shape["member"].get("locationName", "member"))

    def map_args(self, shape):
        entry = "None" if shape.get("flattened") else 'Some("entry")'
        return "%s, %s, %s" % (entry, rust_str(shape["key"].get("locationName", "key")),
                               rust_str(shape["value"].get("locationName", "value")))

    def read_call(self, shape_name, params, key):
        """A Rust expression reading the value at `key`: `Result<Option<T>, QueryError>`."""
        shape = self.shapes[shape_name]
        t = shape["type"]
        if t == "list":
            return "q::list(%s, %s, %s, %s)" % (
                params, key, self.request_list_member_arg(shape),
                self.reader(shape["member"]["shape"]))
        if t == "map":
            return "q::map(%s, %s, %s, %s)" % (
                params, key, self.map_args(shape), self.reader(shape["value"]["shape"]))
        return "%s(%s, %s)" % (self.reader(shape_name), params, key)

    def reader(self, shape_name):
        """A Rust callable `(params, key) -> Result<Option<T>, QueryError>`."""
        shape = self.shapes[shape_name]
        t = shape["type"]
        if t == "structure":
            return "q::structure::<%s>" % self.type_name(shape_name)
        if t in ("list", "map"):
            return "|p: &QueryParams, k: &str| %s" % self.read_call(shape_name, "p", "k")
        if t == "timestamp":
            return "q::timestamp"
        return "q::scalar::<%s>" % self.rust_type(shape_name)

    def write_call(self, shape_name, w, tag, value):
        """A Rust statement writing `value` as the element `tag`."""
        shape = self.shapes[shape_name]
        t = shape["type"]
        if t == "list":
            return "q::write_list(%s, %s, %s, %s, %s)" % (
                w, tag, self.list_member_arg(shape), value, self.writer(shape["member"]["shape"]))
        if t == "map":
            return "q::write_map(%s, %s, %s, %s, %s)" % (
                w, tag, self.map_args(shape), value, self.writer(shape["value"]["shape"]))
        return "%s(%s, %s, %s)" % (self.writer(shape_name), w, tag, value)

    def writer(self, shape_name):
        """A Rust callable `(writer, tag, &value)` that writes one element named `tag`."""
        shape = self.shapes[shape_name]
        t = shape["type"]
        if t == "structure":
            return "q::write_structure::<%s>" % self.type_name(shape_name)
        if t in ("list", "map"):
            return "|w: &mut XmlWriter, tag: &str, v: &%s| %s" % (
                self.rust_type(shape_name), self.write_call(shape_name, "w", "tag", "v"))
        if t == "timestamp":
            return "q::write_timestamp"
        return "q::write_scalar::<%s>" % self.rust_type(shape_name)

    # ----- output -----

    def header(self, w):
        cfg = self.config
        if self.legacy:
            w("//! %s wire types, generated from botocore's model by `tools/gen_aws_types.py %s`." % (
                cfg["title"], self.key))
            w("//!")
            w("//! Do not edit by hand: change the generator and run it again. Every structure")
            w("//! deserializes from and serializes to ECS's JSON 1.1 shapes exactly, and implements")
            w("//! [`Validate`] with the model's length and range limits.")
        else:
            protocol = "EC2 Query" if self.ec2 else "AWS Query" if self.query else "AWS JSON 1.1"
            # Links use full paths: lib.rs documents the module too, and rustdoc then
            # resolves them from the crate root.
            paragraphs = [
                "%s wire types (%s), generated from botocore's `%s` model by "
                "`tools/gen_aws_types.py %s`." % (cfg["title"], protocol, cfg["model"], self.key),
                "Do not edit by hand: change the generator and run it again. Only the shapes "
                "reachable from the operations in [`OPERATIONS`](crate::%s::OPERATIONS) are "
                "here. Structures use the model's member names on the wire, `Option` for "
                "members the model does not require, and implement [`Validate`](crate::Validate) "
                "with the model's length and range limits." % self.key,
            ]
            if self.query:
                paragraphs.append(
                    "Requests implement [`FromQuery`](crate::query::FromQuery) (form parameters "
                    "as botocore's QuerySerializer sends them) and responses "
                    "[`ToXml`](crate::query::ToXml) (XML as botocore's QueryParser reads it); "
                    "see [`crate::query`]. Missing required members and values outside an enum "
                    "are refused while parsing. Serde derives use the same member names, for "
                    "storage. `timestamp` members are epoch seconds (f64), ISO 8601 on the "
                    "wire; `blob` members are base64 text.")
            else:
                paragraphs.append(
                    "Serde derives give the JSON 1.1 wire form. `timestamp` members are epoch "
                    "seconds (f64), `long` members i64 (CloudWatch Logs' epoch-millisecond "
                    "times among them), `blob` members base64 text.")
            for i, paragraph in enumerate(paragraphs):
                if i:
                    w("//!")
                for line in textwrap.wrap(paragraph, width=88):
                    w("//! " + line)
        w("#![allow(clippy::all, missing_docs)]")
        w("")

    def imports(self, w, body):
        """The `use` lines the generated `body` needs (unused imports would warn)."""
        def used(name):
            return re.search(r"\b%s\b" % name, body) is not None
        if self.query and used("Cow"):
            w("use std::borrow::Cow;")
        if self.legacy or used("BTreeMap"):
            w("use std::collections::BTreeMap;")
        w("")
        w("use serde::{Deserialize, Serialize};")
        w("")
        if self.query:
            names = [n for n in ("FromQuery", "QueryError", "QueryParams", "QueryScalar", "ToXml", "XmlWriter")
                     if used(n)]
            w("use crate::query::{self as q, %s};" % ", ".join(names))
        checks = [n for n in ("check_len", "check_range") if used(n)]
        w("use crate::validate::{%s};" % ", ".join(checks + ["Validate", "ValidationError"]))
        w("")

    def constants(self, w):
        meta = self.meta
        label = self.label
        signing = meta.get("signingName", meta["endpointPrefix"])
        w("/// The %s API version this module was generated from." % label)
        w("pub const API_VERSION: &str = %s;" % rust_str(meta["apiVersion"]))
        w("")
        if self.query:
            w("/// The XML namespace of every %s response (`xmlns`)." % label)
            w("pub const XML_NAMESPACE: &str = %s;" % rust_str(meta["xmlNamespace"]))
        else:
            w("/// The `X-Amz-Target` prefix of every %s action (`%s.<Action>`)." % (
                label, meta["targetPrefix"]))
            w("pub const TARGET_PREFIX: &str = %s;" % rust_str(meta["targetPrefix"]))
        w("")
        w("/// The SigV4 service name %s requests are signed for." % label)
        w("pub const SIGNING_SERVICE: &str = %s;" % rust_str(signing))
        w("")
        w("/// The operations this module has types for, by their wire names.")
        w("pub const OPERATIONS: &[&str] = &[%s];" % ", ".join(rust_str(o) for o in self.config["ops"]))
        w("")

    def operation_roles(self):
        """Shape name -> doc lines saying which operations take or return it."""
        roles = {}
        if self.legacy:
            return roles
        for op in self.config["ops"]:
            spec = self.model["operations"][op]
            if "input" in spec:
                roles.setdefault(spec["input"]["shape"], []).append(
                    "The request of `%s`." % op)
            if "output" in spec:
                wrapper = spec["output"].get("resultWrapper")
                if self.ec2:
                    roles.setdefault(spec["output"]["shape"], []).append(
                        "The response of `%s` (written inside `<%sResponse>`)." % (op, op))
                    continue
                if self.query and wrapper != op + "Result":
                    raise SystemExit("%s: result wrapper %r is not %sResult" % (op, wrapper, op))
                roles.setdefault(spec["output"]["shape"], []).append(
                    "The response of `%s`%s." % (op, " (written inside `<%s>`)" % wrapper if self.query else ""))
        return roles

    def enum(self, w, name, shape):
        tn = self.type_name(name)
        vs = variants(shape["enum"])
        w("/// %s enum `%s`." % (self.label, name))
        w("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]")
        w("pub enum %s {" % tn)
        for value, v in zip(shape["enum"], vs):
            w("    #[serde(rename = %s)]" % json.dumps(value))
            w("    %s," % v)
        w("}")
        w("")
        w("impl %s {" % tn)
        w("    /// Every value the model allows, in the model's order.")
        w("    pub const ALL: &'static [%s] = &[%s];" % (tn, ", ".join("%s::%s" % (tn, v) for v in vs)))
        w("    /// The wire spelling of this value.")
        w("    pub fn as_str(&self) -> &'static str {")
        w("        match self {")
        for value, v in zip(shape["enum"], vs):
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
        if self.query:
            w("impl QueryScalar for %s {" % tn)
            w("    fn from_query_text(text: &str) -> Result<Self, String> {")
            w("        Self::parse(text).ok_or_else(|| q::enum_constraint(Self::ALL.iter().map(|v| v.as_str())))")
            w("    }")
            w("    fn to_xml_text(&self) -> Cow<'_, str> {")
            w("        Cow::Borrowed(self.as_str())")
            w("    }")
            w("}")
            w("")

    def structure(self, w, name, shape, roles):
        tn = self.type_name(name)
        required = set(shape.get("required", []))
        members = shape.get("members", {})
        doc = doc_line(shape.get("documentation"))
        w("/// %s structure `%s`.%s" % (self.label, name, (" " + doc + ".") if doc else ""))
        for role in roles.get(name, []):
            w("///")
            w("/// " + role)
        secret = self.sensitive_members(name, shape)
        w("#[derive(%sClone, %sPartialEq, Serialize, Deserialize)]"
          % ("" if secret else "Debug, ", "Default, " if self.has_default(name) else ""))
        w("pub struct %s {" % tn)
        validations = []
        fields = set()
        for member, spec in members.items():
            rt = self.rust_type(spec["shape"])
            field = snake(member)
            if field in fields:
                raise SystemExit("%s: two members map to the field %s" % (name, field))
            fields.add(field)
            if not self.legacy:
                member_doc = doc_line(spec.get("documentation"))
                if member_doc:
                    w("    /// %s." % member_doc)
            w("    #[serde(rename = %s%s)]" % (json.dumps(member),
              "" if member in required else ", default, skip_serializing_if = \"Option::is_none\""))
            if member in required:
                w("    pub %s: %s," % (field, rt))
                validations.extend(self.constraint_checks(spec["shape"], "(&self.%s)" % field, member))
            else:
                w("    pub %s: Option<%s>," % (field, rt))
                checks = self.constraint_checks(spec["shape"], "value", member)
                if checks:
                    validations.append("if let Some(value) = &self.%s { %s }" % (field, " ".join(checks)))
        w("}")
        w("")
        if secret:
            self.redacted_debug(w, tn, members, secret, required)
        w("impl Validate for %s {" % tn)
        w("    #[allow(unused_variables)]")
        w("    fn validate(&self, path: &str) -> Result<(), ValidationError> {")
        for v in validations:
            w("        " + v)
        w("        Ok(())")
        w("    }")
        w("}")
        w("")
        if self.query and name in self.input_shapes:
            self.from_query(w, tn, members, required)
        if self.query and name in self.output_shapes:
            self.to_xml(w, tn, members, required)

    def sensitive_members(self, name, shape):
        """The members the model marks sensitive (on the member, or on its shape, or the
        whole structure): their values never appear in `Debug` output."""
        members = shape.get("members", {})
        if shape.get("sensitive"):
            return set(members)
        return {m for m, spec in members.items()
                if spec.get("sensitive") or self.shapes[spec["shape"]].get("sensitive")}

    def redacted_debug(self, w, tn, members, secret, required):
        """`Debug` that names every member but shows a sensitive one only as
        `<redacted>` (or `None` when absent)."""
        w("impl std::fmt::Debug for %s {" % tn)
        w("    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {")
        w("        f.debug_struct(%s)" % json.dumps(tn))
        for member in members:
            field = snake(member)
            if member not in secret:
                w("            .field(%s, &self.%s)" % (json.dumps(field), field))
            elif member in required:
                w("            .field(%s, &\"<redacted>\")" % json.dumps(field))
            else:
                w("            .field(%s, &self.%s.as_ref().map(|_| \"<redacted>\"))"
                  % (json.dumps(field), field))
        w("            .finish()")
        w("    }")
        w("}")
        w("")

    def from_query(self, w, tn, members, required):
        w("impl FromQuery for %s {" % tn)
        w("    #[allow(unused_variables)]")
        w("    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {")
        w("        Ok(Self {")
        for member, spec in members.items():
            key = "&q::member_key(prefix, %s)" % rust_str(self.request_member_name(member, spec))
            reader = self.reader(spec["shape"])
            if member in required:
                w("            %s: q::required(params, %s, %s)?," % (snake(member), key, reader))
            else:
                w("            %s: %s?," % (snake(member), self.read_call(spec["shape"], "params", key)))
        w("        })")
        w("    }")
        w("}")
        w("")

    def to_xml(self, w, tn, members, required):
        w("impl ToXml for %s {" % tn)
        w("    #[allow(unused_variables)]")
        w("    fn write_xml(&self, w: &mut XmlWriter) {")
        for member, spec in members.items():
            tag = rust_str(self.query_member_name(member, spec))
            if member in required:
                w("        %s;" % self.write_call(spec["shape"], "w", tag, "&self.%s" % snake(member)))
            else:
                w("        if let Some(value) = &self.%s { %s; }" % (
                    snake(member), self.write_call(spec["shape"], "w", tag, "value")))
        w("    }")
        w("}")
        w("")

    def generate(self):
        head = []
        self.header(head.append)
        out = []
        w = out.append
        if not self.legacy:
            self.constants(w)
        roles = self.operation_roles()
        for name in self.names:
            shape = self.shapes[name]
            if shape.get("exception"):
                continue
            if shape["type"] == "string" and "enum" in shape:
                self.enum(w, name, shape)
            elif shape["type"] == "structure":
                self.structure(w, name, shape, roles)
        body = "\n".join(out) + "\n"
        self.imports(head.append, body)
        return "\n".join(head) + "\n" + body


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("service", choices=sorted(SERVICES) + ["all"])
    parser.add_argument("--stdout", action="store_true", help="print the code instead of writing it")
    args = parser.parse_args()
    services = sorted(SERVICES) if args.service == "all" else [args.service]
    for service in services:
        code = Generator(service).generate()
        if args.stdout:
            sys.stdout.write(code)
            continue
        path = os.path.join(REPO, "crates", "api", "src", service + ".rs")
        with open(path, "w") as f:
            f.write(code)
        subprocess.run(["rustfmt", "--edition", "2021", path], check=True, cwd=REPO)
        print("wrote", os.path.relpath(path, REPO), file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] == ["--vendor-ecs"]:
        vendor_ecs()
    else:
        main()
