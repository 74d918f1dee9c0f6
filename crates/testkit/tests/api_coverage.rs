//! Endpoint coverage: every action of every API's operation table (ECS's
//! `berth_server::dispatch::OPERATIONS`, IAM's and STS's) must be called by some
//! integration test in this directory, either through the SDK (`.run_task()`) or as a raw
//! request target (`"…RunTask"`), so that an operation added to a table without a test
//! fails CI.

use std::path::{Path, PathBuf};

use berth_server::apis::{iam::IAM_OPERATIONS, sts::STS_OPERATIONS};
use berth_server::dispatch::OPERATIONS;

/// Every served operation table, by API.
const TABLES: &[(&str, &[&str])] = &[
    ("ECS", OPERATIONS),
    ("IAM", IAM_OPERATIONS),
    ("STS", STS_OPERATIONS),
];

/// `DescribeContainerInstances` → `describe_container_instances`, the SDK method name.
fn snake_case(action: &str) -> String {
    let mut out = String::new();
    for (i, c) in action.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every `.rs` file under `dir` (recursively) except this one.
fn test_sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("api_coverage.rs")
            {
                let text = std::fs::read_to_string(&path).expect("reading a test file");
                files.push((path, text));
            }
        }
    }
    files
}

/// Whether some source calls `action`: an SDK call `.snake_name()` or a quoted target
/// ending in the action name. Mentions in prose do not count.
fn exercised(action: &str, sources: &[(PathBuf, String)]) -> bool {
    let sdk_call = format!(".{}()", snake_case(action));
    let bare_target = format!("\"{action}\"");
    let full_target = format!(".{action}\"");
    sources.iter().any(|(_, text)| {
        text.contains(&sdk_call) || text.contains(&bare_target) || text.contains(&full_target)
    })
}

#[test]
fn every_operation_has_an_integration_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let sources = test_sources(&dir);
    assert!(
        sources.len() > 1,
        "no test sources found in {}",
        dir.display()
    );
    let missing: Vec<String> = TABLES
        .iter()
        .flat_map(|(api, table)| {
            assert!(!table.is_empty(), "{api} serves no operation");
            table
                .iter()
                .filter(|op| !exercised(op, &sources))
                .map(move |op| format!("{api} {op}"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "these operations have no integration test in {}: {missing:?}; add one (an SDK call such as \
         `.{}()` counts)",
        dir.display(),
        missing
            .first()
            .and_then(|op| op.split(' ').nth(1))
            .map(snake_case)
            .unwrap_or_default()
    );
}

#[test]
fn iam_and_sts_serve_every_operation_their_wire_types_have() {
    assert_eq!(IAM_OPERATIONS, berth_api::iam::OPERATIONS);
    assert_eq!(STS_OPERATIONS, berth_api::sts::OPERATIONS);
}

#[test]
fn the_check_itself_can_fail() {
    assert_eq!(
        snake_case("DescribeContainerInstances"),
        "describe_container_instances"
    );
    assert_eq!(snake_case("ListTagsForResource"), "list_tags_for_resource");
    let sources = vec![(
        PathBuf::from("example.rs"),
        "// RunTask is mentioned in prose only\nclient.stop_task().send();\nraw(\"Prefix.ListTasks\");".to_owned(),
    )];
    assert!(exercised("StopTask", &sources));
    assert!(exercised("ListTasks", &sources));
    assert!(
        !exercised("RunTask", &sources),
        "prose mentions do not count"
    );
    assert!(!exercised("FrobnicateWidget", &sources));
}
