//! The generated wire types (`src/ecs.rs`) agree with the vendored model
//! (`model/ecs-2014-11-13.json`) they are generated from: every structure and enum of the
//! model has its type, every member its serde name, and every enum value its spelling. A
//! model refreshed without regenerating (or the reverse) fails here, before the field
//! classification in the server is checked against a model the types do not follow.

use std::path::PathBuf;

use serde_json::Value;

fn read(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The Rust name the generator gives a shape.
fn type_name(shape: &str) -> String {
    const RESERVED: &[&str] = &[
        "Option", "Result", "Box", "Vec", "String", "Value", "Map", "Error",
    ];
    if RESERVED.contains(&shape) {
        format!("{shape}Shape")
    } else {
        shape.to_owned()
    }
}

/// The text of one generated item, from its declaration to the closing brace.
fn item<'a>(source: &'a str, declaration: &str) -> Option<&'a str> {
    let start = source.find(declaration)?;
    let rest = &source[start..];
    let end = rest.find("\n}\n")?;
    Some(&rest[..end])
}

#[test]
fn generated_types_follow_the_vendored_model() {
    let model: Value = serde_json::from_str(&read("model/ecs-2014-11-13.json")).unwrap();
    let source = read("src/ecs.rs");
    let shapes = model["shapes"].as_object().expect("the model has shapes");
    let mut problems = Vec::new();
    let mut structures = 0;
    for (name, shape) in shapes {
        if shape["exception"].as_bool() == Some(true) {
            continue;
        }
        let rust = type_name(name);
        match shape["type"].as_str() {
            Some("structure") => {
                structures += 1;
                let Some(body) = item(&source, &format!("pub struct {rust} {{")) else {
                    problems.push(format!("no struct {rust}"));
                    continue;
                };
                for member in shape["members"].as_object().into_iter().flatten() {
                    let rename = format!("rename = \"{}\"", member.0);
                    if !body.contains(&rename) {
                        problems.push(format!("{rust} has no member {}", member.0));
                    }
                }
            }
            Some("string") if shape.get("enum").is_some() => {
                let Some(body) = item(&source, &format!("pub enum {rust} {{")) else {
                    problems.push(format!("no enum {rust}"));
                    continue;
                };
                for value in shape["enum"].as_array().into_iter().flatten() {
                    let value = value.as_str().unwrap_or_default();
                    if !body.contains(&format!("rename = \"{value}\"")) {
                        problems.push(format!("{rust} has no value {value}"));
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        structures > 100,
        "only {structures} structures in the model"
    );
    assert!(
        problems.is_empty(),
        "src/ecs.rs does not follow model/ecs-2014-11-13.json; regenerate it with \
         `python3 tools/gen_aws_types.py ecs`: \
         {problems:#?}"
    );
}
