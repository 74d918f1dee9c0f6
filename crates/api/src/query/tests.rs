//! Unit tests of the Query codec: form decoding, every reading and writing rule, escaping,
//! errors and limits. `Sample` is written by hand against the same functions the generated
//! code calls, so that it can use what no generated shape of today's models does (flattened
//! lists and maps, renamed members, lists of lists).
//!
//! Checked against botocore with an equivalent ad-hoc model (`Sample` as a query-protocol
//! structure with a flattened list, a list whose member is renamed `item`, a list of lists,
//! a map and a flattened map with key and value renamed `Name`/`Max`): its
//! `QuerySerializer` writes exactly the body of
//! `scalars_structures_lists_and_maps_read_as_botocore_writes_them` (with `At` as
//! `2024-05-01T12:00:00.250000Z`), and its `QueryParser` reads the XML of
//! `every_member_kind_is_written_as_botocore_reads_it` back into the same values.

use std::collections::BTreeMap;

use super::*;
use crate::validate::check_len;

#[derive(Debug, Default, PartialEq)]
struct Inner {
    label: String,
    depth: Option<i64>,
}

impl FromQuery for Inner {
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Inner {
            label: required(params, &member_key(prefix, "Label"), scalar::<String>)?,
            depth: scalar(params, &member_key(prefix, "Depth"))?,
        })
    }
}

impl ToXml for Inner {
    fn write_xml(&self, w: &mut XmlWriter) {
        write_scalar(w, "Label", &self.label);
        if let Some(depth) = &self.depth {
            write_scalar(w, "Depth", depth);
        }
    }
}

/// Every kind of member the protocol has.
#[derive(Debug, Default, PartialEq)]
struct Sample {
    name: String,
    count: Option<i32>,
    enabled: Option<bool>,
    ratio: Option<f64>,
    at: Option<f64>,
    inner: Option<Inner>,
    /// `Inners.member.N`.
    inners: Option<Vec<Inner>>,
    /// Flattened: `Flat.N`.
    flat: Option<Vec<String>>,
    /// The model renames `member` to `item`: `Renamed.item.N`.
    renamed: Option<Vec<String>>,
    /// Lists of lists: `Grid.member.N.member.M`.
    grid: Option<Vec<Vec<i32>>>,
    /// `Attrs.entry.N.key` / `.value`.
    attrs: Option<BTreeMap<String, String>>,
    /// Flattened, with the key and value renamed: `Limits.N.Name` / `.Max`.
    limits: Option<BTreeMap<String, i32>>,
}

impl FromQuery for Sample {
    fn from_query(params: &QueryParams, prefix: &str) -> Result<Self, QueryError> {
        Ok(Sample {
            name: required(params, &member_key(prefix, "Name"), scalar::<String>)?,
            count: scalar(params, &member_key(prefix, "Count"))?,
            enabled: scalar(params, &member_key(prefix, "Enabled"))?,
            ratio: scalar(params, &member_key(prefix, "Ratio"))?,
            at: timestamp(params, &member_key(prefix, "At"))?,
            inner: structure(params, &member_key(prefix, "Inner"))?,
            inners: list(
                params,
                &member_key(prefix, "Inners"),
                Some("member"),
                structure::<Inner>,
            )?,
            flat: list(params, &member_key(prefix, "Flat"), None, scalar::<String>)?,
            renamed: list(
                params,
                &member_key(prefix, "Renamed"),
                Some("item"),
                scalar::<String>,
            )?,
            grid: list(
                params,
                &member_key(prefix, "Grid"),
                Some("member"),
                |p: &QueryParams, k: &str| list(p, k, Some("member"), scalar::<i32>),
            )?,
            attrs: map(
                params,
                &member_key(prefix, "Attrs"),
                Some("entry"),
                "key",
                "value",
                scalar::<String>,
            )?,
            limits: map(
                params,
                &member_key(prefix, "Limits"),
                None,
                "Name",
                "Max",
                scalar::<i32>,
            )?,
        })
    }
}

impl ToXml for Sample {
    fn write_xml(&self, w: &mut XmlWriter) {
        write_scalar(w, "Name", &self.name);
        if let Some(v) = &self.count {
            write_scalar(w, "Count", v);
        }
        if let Some(v) = &self.enabled {
            write_scalar(w, "Enabled", v);
        }
        if let Some(v) = &self.ratio {
            write_scalar(w, "Ratio", v);
        }
        if let Some(v) = &self.at {
            write_timestamp(w, "At", v);
        }
        if let Some(v) = &self.inner {
            write_structure(w, "Inner", v);
        }
        if let Some(v) = &self.inners {
            write_list(w, "Inners", Some("member"), v, write_structure::<Inner>);
        }
        if let Some(v) = &self.flat {
            write_list(w, "Flat", None, v, write_scalar::<String>);
        }
        if let Some(v) = &self.renamed {
            write_list(w, "Renamed", Some("item"), v, write_scalar::<String>);
        }
        if let Some(v) = &self.grid {
            write_list(
                w,
                "Grid",
                Some("member"),
                v,
                |w: &mut XmlWriter, tag: &str, row: &Vec<i32>| {
                    write_list(w, tag, Some("member"), row, write_scalar::<i32>)
                },
            );
        }
        if let Some(v) = &self.attrs {
            write_map(
                w,
                "Attrs",
                Some("entry"),
                "key",
                "value",
                v,
                write_scalar::<String>,
            );
        }
        if let Some(v) = &self.limits {
            write_map(w, "Limits", None, "Name", "Max", v, write_scalar::<i32>);
        }
    }
}

impl Validate for Sample {
    fn validate(&self, path: &str) -> Result<(), ValidationError> {
        check_len(path, "Name", self.name.chars().count(), 1, 8)
    }
}

fn params(body: &str) -> QueryParams {
    QueryParams::parse(body.as_bytes()).unwrap()
}

fn sample(body: &str) -> Result<Sample, QueryError> {
    parse_request(&params(body))
}

#[test]
fn form_decoding() {
    let p = params("Action=Go&Version=1&A=x+y%2Bz%26%3D&&B&C=&D=%C3%BC%20");
    assert_eq!(p.action(), Some("Go"));
    assert_eq!(p.version(), Some("1"));
    assert_eq!(p.get("A"), Some("x y+z&="));
    assert_eq!(p.get("B"), Some(""), "a name without = has an empty value");
    assert_eq!(p.get("C"), Some(""));
    assert_eq!(p.get("D"), Some("ü "));
    assert_eq!(p.get("E"), None);
    assert_eq!(p.len(), 6);
    assert_eq!(
        p.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        ["A", "Action", "B", "C", "D", "Version"]
    );
    assert!(QueryParams::parse(b"").unwrap().is_empty());
    // Names are decoded too.
    assert_eq!(
        params("Tags.member.1%2EKey=a").get("Tags.member.1.Key"),
        Some("a")
    );
}

#[test]
fn form_decoding_refuses_what_it_cannot_represent() {
    assert!(matches!(
        QueryParams::parse(b"A=%FF%FE"),
        Err(QueryError::Malformed(_))
    ));
    assert!(matches!(
        QueryParams::parse(b"=value"),
        Err(QueryError::Malformed(_))
    ));
    assert_eq!(
        QueryParams::parse(b"A=1&B=2&A=3").unwrap_err(),
        QueryError::Duplicate { param: "A".into() }
    );
    let huge = vec![b'a'; MAX_BODY_BYTES + 1];
    assert_eq!(
        QueryParams::parse(&huge).unwrap_err(),
        QueryError::TooLarge(MAX_BODY_BYTES + 1)
    );
    let at_limit = vec![b'a'; MAX_BODY_BYTES];
    assert_eq!(QueryParams::parse(&at_limit).unwrap().len(), 1);
}

#[test]
fn scalars_structures_lists_and_maps_read_as_botocore_writes_them() {
    let body = "Action=Go&Version=1&Name=web&Count=-3&Enabled=true&Ratio=0.5\
        &At=2024-05-01T12%3A00%3A00.250000Z\
        &Inner.Label=in&Inner.Depth=9000000000\
        &Inners.member.1.Label=a&Inners.member.2.Label=b&Inners.member.2.Depth=2\
        &Flat.1=f1&Flat.2=f2&Renamed.item.1=r1\
        &Grid.member.1.member.1=1&Grid.member.1.member.2=2&Grid.member.2=\
        &Attrs.entry.1.key=k1&Attrs.entry.1.value=v1&Attrs.entry.2.key=k2&Attrs.entry.2.value=\
        &Limits.1.Name=cpu&Limits.1.Max=4";
    let got = sample(body).unwrap();
    let inner = |label: &str, depth| Inner {
        label: label.into(),
        depth,
    };
    assert_eq!(
        got,
        Sample {
            name: "web".into(),
            count: Some(-3),
            enabled: Some(true),
            ratio: Some(0.5),
            at: Some(1_714_564_800.25),
            inner: Some(inner("in", Some(9_000_000_000))),
            inners: Some(vec![inner("a", None), inner("b", Some(2))]),
            flat: Some(vec!["f1".into(), "f2".into()]),
            renamed: Some(vec!["r1".into()]),
            grid: Some(vec![vec![1, 2], vec![]]),
            attrs: Some(BTreeMap::from([
                ("k1".to_string(), "v1".to_string()),
                ("k2".to_string(), String::new()),
            ])),
            limits: Some(BTreeMap::from([("cpu".to_string(), 4)])),
        }
    );
}

#[test]
fn absent_members_are_none_and_empty_collections_are_empty() {
    let got = sample("Name=web").unwrap();
    assert_eq!(
        got,
        Sample {
            name: "web".into(),
            ..Default::default()
        }
    );
    // botocore sends an empty list as `Name=`.
    let got = sample("Name=web&Inners=&Flat=&Attrs=").unwrap();
    assert_eq!(got.inners, Some(vec![]));
    assert_eq!(got.flat, Some(vec![]));
    assert_eq!(got.attrs, Some(BTreeMap::new()));
    // An empty string is a value, not an absence.
    assert_eq!(
        sample("Name=web&Inner.Label=").unwrap().inner,
        Some(inner_label(""))
    );
}

fn inner_label(label: &str) -> Inner {
    Inner {
        label: label.into(),
        depth: None,
    }
}

#[test]
fn scalar_types_are_checked() {
    let constraint = |body: &str| match sample(body).unwrap_err() {
        QueryError::InvalidValue { constraint, .. } => constraint,
        other => panic!("{other:?}"),
    };
    assert_eq!(sample("Name=a&Enabled=FALSE").unwrap().enabled, Some(false));
    assert_eq!(
        constraint("Name=a&Enabled=yes"),
        "Member must be true or false"
    );
    assert!(constraint("Name=a&Count=2147483648").starts_with("Member must be an integer"));
    assert!(constraint("Name=a&Count=1.0").starts_with("Member must be an integer"));
    assert!(
        constraint("Name=a&Inner.Label=x&Inner.Depth=x").starts_with("Member must be an integer")
    );
    assert_eq!(constraint("Name=a&Ratio=half"), "Member must be a number");
    assert_eq!(
        sample("Name=a&Ratio=Infinity").unwrap().ratio,
        Some(f64::INFINITY)
    );
    assert!(sample("Name=a&Ratio=NaN").unwrap().ratio.unwrap().is_nan());
    assert!(constraint("Name=a&At=yesterday").contains("ISO 8601"));
    assert!(constraint("Name=a&Flat=x").starts_with("Member must be a list"));

    let error = sample("Name=a&Count=ten").unwrap_err();
    assert_eq!(error.param(), Some("Count"));
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value 'ten' at 'count' failed to satisfy constraint: \
         Member must be an integer from -2147483648 to 2147483647"
    );
}

#[test]
fn timestamps_accept_what_sdks_send() {
    let at = |text: &str| parse_timestamp(text);
    assert_eq!(at("2024-05-01T12:00:00Z"), Some(1_714_564_800.0));
    assert_eq!(at("2024-05-01T12:00:00.250000Z"), Some(1_714_564_800.25));
    assert_eq!(at("2024-05-01T12:00:00.250Z"), Some(1_714_564_800.25));
    assert_eq!(at("2024-05-01T14:00:00+02:00"), Some(1_714_564_800.0));
    assert_eq!(
        at("2024-05-01T12:00:00"),
        Some(1_714_564_800.0),
        "no offset is UTC"
    );
    assert_eq!(
        at("20240501T120000Z"),
        Some(1_714_564_800.0),
        "ISO 8601 basic format"
    );
    assert_eq!(at("2024-13-01T00:00:00Z"), None);
    assert_eq!(at("1714564800"), None);
    assert_eq!(at(""), None);
}

#[test]
fn timestamps_are_written_to_the_millisecond() {
    assert_eq!(format_timestamp(1_714_564_800.0), "2024-05-01T12:00:00Z");
    assert_eq!(
        format_timestamp(1_714_564_800.25),
        "2024-05-01T12:00:00.250Z"
    );
    assert_eq!(
        format_timestamp(1_714_564_800.000_4),
        "2024-05-01T12:00:00Z"
    );
    assert_eq!(
        format_timestamp(1_714_564_800.999_6),
        "2024-05-01T12:00:01Z"
    );
    assert_eq!(format_timestamp(0.001), "1970-01-01T00:00:00.001Z");
    assert_eq!(format_timestamp(-1.5), "1969-12-31T23:59:58.500Z");
    // Outside what the format can carry, the number itself (botocore reads epoch numbers).
    assert_eq!(format_timestamp(1e12), "1000000000000");
    assert_eq!(format_timestamp(f64::NAN), "NaN");
    // What is written reads back.
    for t in [0.0, 1_714_564_800.0, 1_714_564_800.123, 253_402_300_799.0] {
        assert_eq!(parse_timestamp(&format_timestamp(t)), Some(t));
    }
}

#[test]
fn missing_required_members_name_the_member_as_aws_does() {
    let error = sample("Count=1").unwrap_err();
    assert_eq!(
        error,
        QueryError::Missing {
            param: "Name".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: \
         Member must not be null"
    );
    let error = sample("Name=a&Inners.member.1.Label=a&Inners.member.2.Depth=2").unwrap_err();
    assert_eq!(error.param(), Some("Inners.member.2.Label"));
    assert!(
        error.to_string().contains("'inners.2.member.label'"),
        "{error}"
    );
    let error = sample("Name=a&Attrs.entry.1.key=k").unwrap_err();
    assert_eq!(error.param(), Some("Attrs.entry.1.value"));
    assert!(
        error.to_string().contains("'attrs.1.entry.value'"),
        "{error}"
    );
    let error = sample("Name=a&Limits.1.Max=3").unwrap_err();
    assert_eq!(error.param(), Some("Limits.1.Name"));
    assert!(error.to_string().contains("'limits.1.name'"), "{error}");
}

#[test]
fn list_indexes_are_bounded_and_contiguous() {
    let error = sample("Name=a&Flat.1=x&Flat.3=z").unwrap_err();
    assert_eq!(
        error,
        QueryError::ListGap {
            list: "Flat".into(),
            missing: 2
        }
    );
    assert!(error.to_string().contains("no element 2"), "{error}");
    assert_eq!(
        sample("Name=a&Flat.2=y").unwrap_err(),
        QueryError::ListGap {
            list: "Flat".into(),
            missing: 1
        }
    );
    for index in [
        "0",
        "01",
        "-1",
        "+1",
        "x",
        "1001",
        "99999999999999999999",
        "",
    ] {
        let body = format!("Name=a&Inners.member.{}.Label=x", index.replace('+', "%2B"));
        assert_eq!(
            sample(&body).unwrap_err(),
            QueryError::BadListIndex {
                param: format!("Inners.member.{index}.Label"),
                index: index.into()
            },
            "{index}"
        );
    }
    // MAX_LIST_INDEX elements are accepted.
    let mut body = String::from("Name=a");
    for i in 1..=MAX_LIST_INDEX {
        body.push_str(&format!("&Flat.{i}=v"));
    }
    assert_eq!(sample(&body).unwrap().flat.unwrap().len(), MAX_LIST_INDEX);
    body.push_str(&format!("&Flat.{}=v", MAX_LIST_INDEX + 1));
    assert!(matches!(
        sample(&body).unwrap_err(),
        QueryError::BadListIndex { .. }
    ));
    // Map entries obey the same rules.
    assert!(matches!(
        sample("Name=a&Attrs.entry.2.key=k&Attrs.entry.2.value=v").unwrap_err(),
        QueryError::ListGap { .. }
    ));
}

#[test]
fn repeated_map_keys_are_refused() {
    let error = sample(
        "Name=a&Attrs.entry.1.key=k&Attrs.entry.1.value=1&Attrs.entry.2.key=k\
         &Attrs.entry.2.value=2",
    )
    .unwrap_err();
    assert_eq!(error.param(), Some("Attrs.entry.2.key"));
    assert!(
        error.to_string().contains("must not repeat a key"),
        "{error}"
    );
}

#[test]
fn parameters_nobody_reads_are_refused() {
    for (body, unknown) in [
        ("Name=a&Colour=red", "Colour"),
        ("Name=a&Inner.Label=x&Inner.Colour=red", "Inner.Colour"),
        ("Name=a&Inners.members.1.Label=x", "Inners.members.1.Label"),
        ("Name=a&Renamed.member.1=x", "Renamed.member.1"),
        ("Name=a&Name.Sub=x", "Name.Sub"),
        ("Name=a&Inner=x", "Inner"),
    ] {
        assert_eq!(
            sample(body).unwrap_err(),
            QueryError::UnknownParameter {
                param: unknown.into()
            },
            "{body}"
        );
    }
    // Action and Version belong to the protocol, not the shape.
    let p = params("Action=Go&Version=1&Name=a");
    assert!(parse_request::<Sample>(&p).is_ok());
    assert_eq!(p.unread().count(), 0);
}

#[test]
fn model_limits_are_checked_after_reading() {
    let error = sample("Name=much-too-long").unwrap_err();
    assert!(
        matches!(&error, QueryError::Invalid(e) if e.path == "request.Name"),
        "{error:?}"
    );
    assert_eq!(error.param(), Some("request.Name"));
    assert_eq!(
        error.to_string(),
        "1 validation error detected: request.Name: length 13 is outside the allowed range 1..=8"
    );
}

#[test]
fn long_values_are_shortened_in_messages() {
    let long = "9".repeat(5000);
    let error = sample(&format!("Name=a&Count={long}")).unwrap_err();
    let message = error.to_string();
    assert!(message.len() < 600, "{}", message.len());
    assert!(message.contains(&format!("'{}…'", "9".repeat(MAX_QUOTED_CHARS))));
}

#[test]
fn member_paths_follow_aws_wording() {
    assert_eq!(member_path("RoleName"), "roleName");
    assert_eq!(member_path("Tags.member.1.Key"), "tags.1.member.key");
    assert_eq!(member_path("A.entry.2.value"), "a.2.entry.value");
    assert_eq!(member_path("Flat.3"), "flat.3");
    assert_eq!(
        member_path("PolicyArns.member.1.arn"),
        "policyArns.1.member.arn"
    );
}

#[test]
fn every_member_kind_is_written_as_botocore_reads_it() {
    let value = Sample {
        name: "web".into(),
        count: Some(-3),
        enabled: Some(false),
        ratio: Some(f64::NEG_INFINITY),
        at: Some(1_714_564_800.25),
        inner: Some(Inner {
            label: "in".into(),
            depth: Some(9_000_000_000),
        }),
        inners: Some(vec![inner_label("a"), inner_label("b")]),
        flat: Some(vec!["f1".into(), "f2".into()]),
        renamed: Some(vec!["r1".into()]),
        grid: Some(vec![vec![1, 2], vec![]]),
        attrs: Some(BTreeMap::from([("k1".to_string(), "v1".to_string())])),
        limits: Some(BTreeMap::from([
            ("cpu".to_string(), 4),
            ("mem".to_string(), 512),
        ])),
    };
    let mut w = XmlWriter::new();
    value.write_xml(&mut w);
    assert_eq!(
        w.as_str(),
        "<Name>web</Name><Count>-3</Count><Enabled>false</Enabled><Ratio>-Infinity</Ratio>\
         <At>2024-05-01T12:00:00.250Z</At><Inner><Label>in</Label><Depth>9000000000</Depth>\
         </Inner><Inners><member><Label>a</Label></member><member><Label>b</Label></member>\
         </Inners><Flat>f1</Flat><Flat>f2</Flat><Renamed><item>r1</item></Renamed>\
         <Grid><member><member>1</member><member>2</member></member><member></member></Grid>\
         <Attrs><entry><key>k1</key><value>v1</value></entry></Attrs>\
         <Limits><Name>cpu</Name><Max>4</Max></Limits><Limits><Name>mem</Name><Max>512</Max>\
         </Limits>"
    );
    let mut w = XmlWriter::new();
    Sample {
        name: "web".into(),
        ..Default::default()
    }
    .write_xml(&mut w);
    assert_eq!(
        w.into_string(),
        "<Name>web</Name>",
        "absent members are left out"
    );
}

#[test]
fn text_is_escaped_and_always_valid_xml() {
    let mut w = XmlWriter::new();
    w.element("T", "a&b<c>d\"e'f\r\ng\th\u{1}i\u{fffe}j\u{1F600}");
    assert_eq!(
        w.as_str(),
        "<T>a&amp;b&lt;c&gt;d&quot;e&apos;f&#xD;\ng\th\u{fffd}i\u{fffd}j\u{1F600}</T>"
    );
}

#[test]
fn response_and_error_documents() {
    let value = Inner {
        label: "x&y".into(),
        depth: None,
    };
    assert_eq!(
        response_xml("Describe", "urn:ns&1", Some(&value), "id-1"),
        "<DescribeResponse xmlns=\"urn:ns&amp;1\"><DescribeResult><Label>x&amp;y</Label>\
         </DescribeResult><ResponseMetadata><RequestId>id-1</RequestId></ResponseMetadata>\
         </DescribeResponse>"
    );
    assert_eq!(
        response_xml::<Inner>("Delete", "urn:ns", None, "id-2"),
        empty_response_xml("Delete", "urn:ns", "id-2")
    );
    assert_eq!(
        empty_response_xml("Delete", "urn:ns", "id-2"),
        "<DeleteResponse xmlns=\"urn:ns\"><ResponseMetadata><RequestId>id-2</RequestId>\
         </ResponseMetadata></DeleteResponse>"
    );
    assert_eq!(
        error_xml("urn:ns", false, "ServiceFailure", "went <wrong>", "id-3"),
        "<ErrorResponse xmlns=\"urn:ns\"><Error><Type>Receiver</Type>\
         <Code>ServiceFailure</Code><Message>went &lt;wrong&gt;</Message></Error>\
         <RequestId>id-3</RequestId></ErrorResponse>"
    );
    assert!(error_xml("urn:ns", true, "C", "m", "i").contains("<Type>Sender</Type>"));
}
