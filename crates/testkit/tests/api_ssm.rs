//! SSM Parameter Store through the AWS SDK for Rust (`aws-sdk-ssm`) against a real server:
//! versions, selectors, labels, types, tiers, allowed patterns, hierarchies, filters,
//! paging, deletion, tags, SSM's errors, and authorization of a role's session.

mod common;

use aws_sdk_ssm::error::ProvideErrorMetadata;
use aws_sdk_ssm::types::{
    ParameterStringFilter, ParameterTier, ParameterType, ResourceTypeForTagging, Tag,
};
use berth_testkit::TestCluster;

/// The exception name of a failed call.
fn code<E: ProvideErrorMetadata>(error: &E) -> String {
    error.code().unwrap_or_default().to_owned()
}

async fn put(
    ssm: &aws_sdk_ssm::Client,
    name: &str,
    value: &str,
    kind: ParameterType,
) -> aws_sdk_ssm::operation::put_parameter::PutParameterOutput {
    ssm.put_parameter()
        .name(name)
        .value(value)
        .r#type(kind)
        .send()
        .await
        .unwrap_or_else(|e| panic!("PutParameter {name}: {e:?}"))
}

async fn value_of(ssm: &aws_sdk_ssm::Client, name: &str, decrypt: bool) -> String {
    ssm.get_parameter()
        .name(name)
        .with_decryption(decrypt)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GetParameter {name}: {e:?}"))
        .parameter()
        .and_then(|p| p.value())
        .expect("a value")
        .to_owned()
}

fn filter(key: &str, option: &str, values: &[&str]) -> ParameterStringFilter {
    let mut builder = ParameterStringFilter::builder().key(key).option(option);
    for value in values {
        builder = builder.values(*value);
    }
    builder.build().expect("a filter")
}

#[tokio::test]
async fn parameters_keep_versions_selectors_labels_and_types() {
    let cluster = TestCluster::start().await;
    let ssm = common::ssm(&cluster);
    let url = "/app/config/url";

    let first = put(&ssm, url, "http://a", ParameterType::String).await;
    assert_eq!(first.version(), 1);
    assert_eq!(first.tier(), Some(&ParameterTier::Standard));
    let again = ssm
        .put_parameter()
        .name(url)
        .value("http://x")
        .r#type(ParameterType::String)
        .send()
        .await
        .expect_err("a second PutParameter without Overwrite");
    assert_eq!(code(&again), "ParameterAlreadyExists");
    // Overwrite keeps the type when none is given.
    let second = ssm
        .put_parameter()
        .name(url)
        .value("http://b")
        .overwrite(true)
        .send()
        .await
        .expect("overwrite");
    assert_eq!(second.version(), 2);

    let latest = ssm
        .get_parameter()
        .name(url)
        .send()
        .await
        .expect("GetParameter")
        .parameter
        .expect("a parameter");
    assert_eq!(latest.value(), Some("http://b"));
    assert_eq!(latest.version(), 2);
    assert_eq!(latest.r#type(), Some(&ParameterType::String));
    assert_eq!(latest.data_type(), Some("text"));
    let arn = "arn:aws:ssm:us-east-1:000000000000:parameter/app/config/url";
    assert_eq!(latest.arn(), Some(arn));
    assert_eq!(value_of(&ssm, arn, false).await, "http://b");

    let old = ssm
        .get_parameter()
        .name(format!("{url}:1"))
        .send()
        .await
        .expect("GetParameter name:1")
        .parameter
        .expect("a parameter");
    assert_eq!(
        (old.value(), old.version(), old.selector()),
        (Some("http://a"), 1, Some(":1"))
    );
    let missing = ssm
        .get_parameter()
        .name(format!("{url}:9"))
        .send()
        .await
        .expect_err("version 9");
    assert_eq!(code(&missing), "ParameterVersionNotFound");
    let changed = ssm
        .put_parameter()
        .name(url)
        .value("x")
        .r#type(ParameterType::SecureString)
        .overwrite(true)
        .send()
        .await
        .expect_err("a type change");
    assert_eq!(code(&changed), "HierarchyTypeMismatchException");

    // SecureString: without decryption, the sealed form; with it, the value.
    let secret = "/app/db/password";
    put(
        &ssm,
        secret,
        "hunter2-never-shown",
        ParameterType::SecureString,
    )
    .await;
    let sealed = value_of(&ssm, secret, false).await;
    assert_ne!(sealed, "hunter2-never-shown");
    assert!(!sealed.contains("hunter2"), "{sealed}");
    assert!(
        sealed.len() > 40
            && sealed
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c)),
        "the ciphertext form is base64: {sealed}"
    );
    assert_eq!(value_of(&ssm, secret, true).await, "hunter2-never-shown");

    // Labels: invalid ones are reported, valid ones attached, and a label moves.
    let labelled = ssm
        .label_parameter_version()
        .name(url)
        .parameter_version(1)
        .labels("stable")
        .labels("1bad")
        .send()
        .await
        .expect("LabelParameterVersion");
    assert_eq!(labelled.invalid_labels(), ["1bad"]);
    assert_eq!(labelled.parameter_version(), 1);
    let stable = ssm
        .get_parameter()
        .name(format!("{url}:stable"))
        .send()
        .await
        .expect("GetParameter name:label")
        .parameter
        .expect("a parameter");
    assert_eq!(
        (stable.value(), stable.selector()),
        (Some("http://a"), Some(":stable"))
    );
    ssm.label_parameter_version()
        .name(url)
        .labels("stable")
        .send()
        .await
        .expect("moving the label to the latest version");
    assert_eq!(
        value_of(&ssm, &format!("{url}:stable"), false).await,
        "http://b"
    );
    let unlabelled = ssm
        .unlabel_parameter_version()
        .name(url)
        .parameter_version(2)
        .labels("stable")
        .labels("nope")
        .send()
        .await
        .expect("UnlabelParameterVersion");
    assert_eq!(unlabelled.removed_labels(), ["stable"]);
    assert_eq!(unlabelled.invalid_labels(), ["nope"]);
    let gone = ssm
        .get_parameter()
        .name(format!("{url}:stable"))
        .send()
        .await
        .expect_err("a removed label");
    assert_eq!(code(&gone), "ParameterVersionNotFound");
    let no_version = ssm
        .label_parameter_version()
        .name(url)
        .parameter_version(7)
        .labels("x")
        .send()
        .await
        .expect_err("labelling a version that does not exist");
    assert_eq!(code(&no_version), "ParameterVersionNotFound");

    // History, paged.
    put_overwrite(&ssm, url, "http://c").await;
    let page = ssm
        .get_parameter_history()
        .name(url)
        .max_results(2)
        .send()
        .await
        .expect("GetParameterHistory");
    let token = page.next_token().expect("a second page").to_owned();
    let rest = ssm
        .get_parameter_history()
        .name(url)
        .max_results(2)
        .next_token(token)
        .send()
        .await
        .expect("the second page");
    assert!(rest.next_token().is_none());
    let history: Vec<_> = page.parameters().iter().chain(rest.parameters()).collect();
    let versions: Vec<i64> = history.iter().map(|h| h.version()).collect();
    assert_eq!(versions, vec![1, 2, 3]);
    assert_eq!(history[0].value(), Some("http://a"));
    assert_eq!(
        history[0].last_modified_user(),
        Some("arn:aws:iam::000000000000:root")
    );

    // Tags with Overwrite, pattern mismatches, tiers, and what berth refuses.
    let tagged = ssm
        .put_parameter()
        .name(url)
        .value("v")
        .overwrite(true)
        .tags(Tag::builder().key("a").value("b").build().expect("a tag"))
        .send()
        .await
        .expect_err("tags with Overwrite");
    assert_eq!(code(&tagged), "ValidationException");
    ssm.put_parameter()
        .name("/app/port")
        .value("8080")
        .r#type(ParameterType::String)
        .allowed_pattern("[0-9]+")
        .send()
        .await
        .expect("a value matching its pattern");
    let mismatch = put_overwrite_err(&ssm, "/app/port", "http").await;
    assert_eq!(code(&mismatch), "ParameterPatternMismatchException");
    let bad_pattern = ssm
        .put_parameter()
        .name("/app/other")
        .value("x")
        .r#type(ParameterType::String)
        .allowed_pattern("(")
        .send()
        .await
        .expect_err("an invalid pattern");
    assert_eq!(code(&bad_pattern), "InvalidAllowedPatternException");

    let big = "x".repeat(5000);
    let standard = ssm
        .put_parameter()
        .name("/app/big")
        .value(&big)
        .r#type(ParameterType::String)
        .send()
        .await
        .expect_err("5000 characters in the standard tier");
    assert_eq!(code(&standard), "ValidationException");
    let advanced = ssm
        .put_parameter()
        .name("/app/big")
        .value(&big)
        .r#type(ParameterType::String)
        .tier(ParameterTier::Advanced)
        .send()
        .await
        .expect("5000 characters in the advanced tier");
    assert_eq!(advanced.tier(), Some(&ParameterTier::Advanced));
    let downgrade = ssm
        .put_parameter()
        .name("/app/big")
        .value("small")
        .overwrite(true)
        .tier(ParameterTier::Standard)
        .send()
        .await
        .expect_err("a downgrade to Standard");
    assert_eq!(code(&downgrade), "ValidationException");
    let too_big = ssm
        .put_parameter()
        .name("/app/huge")
        .value("x".repeat(8193))
        .r#type(ParameterType::String)
        .tier(ParameterTier::Advanced)
        .send()
        .await
        .expect_err("8193 characters");
    assert_eq!(code(&too_big), "ValidationException");
    let smart = ssm
        .put_parameter()
        .name("/app/smart")
        .value("small")
        .r#type(ParameterType::String)
        .tier(ParameterTier::IntelligentTiering)
        .send()
        .await
        .expect("Intelligent-Tiering");
    assert_eq!(smart.tier(), Some(&ParameterTier::Standard));

    for (request, expected) in [
        (
            ssm.put_parameter()
                .name("/app/ami")
                .value("ami-123")
                .r#type(ParameterType::String)
                .data_type("aws:ec2:image"),
            "ValidationException",
        ),
        (
            ssm.put_parameter()
                .name("/app/kms")
                .value("v")
                .r#type(ParameterType::SecureString)
                .key_id("alias/custom"),
            "InvalidKeyId",
        ),
        (
            ssm.put_parameter()
                .name("/app/policies")
                .value("v")
                .r#type(ParameterType::String)
                .policies(r#"[{"Type":"Expiration","Version":"1.0"}]"#),
            "ValidationException",
        ),
        (
            ssm.put_parameter().name("/app/typeless").value("v"),
            "ValidationException",
        ),
        (
            ssm.put_parameter()
                .name("awsname")
                .value("v")
                .r#type(ParameterType::String),
            "ValidationException",
        ),
        (
            ssm.put_parameter()
                .name("relative/name")
                .value("v")
                .r#type(ParameterType::String),
            "ValidationException",
        ),
        (
            ssm.put_parameter()
                .name(format!("/{}", vec!["l"; 16].join("/")))
                .value("v")
                .r#type(ParameterType::String),
            "HierarchyLevelLimitExceededException",
        ),
    ] {
        let error = request.send().await.expect_err("refused");
        assert_eq!(code(&error), expected, "{error:?}");
    }
    // Fifteen levels are allowed.
    put(
        &ssm,
        &format!("/{}", vec!["l"; 15].join("/")),
        "deep",
        ParameterType::String,
    )
    .await;
    // Nothing refused was stored.
    let described = ssm
        .describe_parameters()
        .parameter_filters(filter("Name", "BeginsWith", &["/app/"]))
        .send()
        .await
        .expect("DescribeParameters");
    let mut names: Vec<&str> = described
        .parameters()
        .iter()
        .filter_map(|p| p.name())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        vec![
            "/app/big",
            "/app/config/url",
            "/app/db/password",
            "/app/port",
            "/app/smart"
        ]
    );
}

async fn put_overwrite(ssm: &aws_sdk_ssm::Client, name: &str, value: &str) {
    ssm.put_parameter()
        .name(name)
        .value(value)
        .overwrite(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("overwriting {name}: {e:?}"));
}

async fn put_overwrite_err(
    ssm: &aws_sdk_ssm::Client,
    name: &str,
    value: &str,
) -> aws_sdk_ssm::error::SdkError<aws_sdk_ssm::operation::put_parameter::PutParameterError> {
    ssm.put_parameter()
        .name(name)
        .value(value)
        .overwrite(true)
        .send()
        .await
        .expect_err("refused")
}

#[tokio::test]
async fn a_hundred_versions_are_kept_and_a_labelled_oldest_one_blocks_the_next() {
    let cluster = TestCluster::start().await;
    let ssm = common::ssm(&cluster);
    let name = "/versions/p";
    put(&ssm, name, "v1", ParameterType::String).await;
    for i in 2..=100 {
        put_overwrite(&ssm, name, &format!("v{i}")).await;
    }
    ssm.label_parameter_version()
        .name(name)
        .parameter_version(1)
        .labels("first")
        .send()
        .await
        .expect("labelling version 1");
    let blocked = put_overwrite_err(&ssm, name, "v101").await;
    assert_eq!(code(&blocked), "ParameterMaxVersionLimitExceeded");
    ssm.unlabel_parameter_version()
        .name(name)
        .parameter_version(1)
        .labels("first")
        .send()
        .await
        .expect("unlabelling version 1");
    put_overwrite(&ssm, name, "v101").await;
    let mut versions = Vec::new();
    let mut token = None;
    loop {
        let page = ssm
            .get_parameter_history()
            .name(name)
            .set_next_token(token)
            .send()
            .await
            .expect("GetParameterHistory");
        versions.extend(page.parameters().iter().map(|h| h.version()));
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(versions, (2..=101).collect::<Vec<i64>>());
    let first = ssm
        .get_parameter()
        .name(format!("{name}:1"))
        .send()
        .await
        .expect_err("version 1 was dropped");
    assert_eq!(code(&first), "ParameterVersionNotFound");
}

#[tokio::test]
async fn hierarchies_filters_pages_and_deletion() {
    let cluster = TestCluster::start().await;
    let ssm = common::ssm(&cluster);
    put(&ssm, "/svc/a/one", "1", ParameterType::String).await;
    put(
        &ssm,
        "/svc/a/two",
        "two-secret",
        ParameterType::SecureString,
    )
    .await;
    put(&ssm, "/svc/a/deep/three", "3", ParameterType::StringList).await;
    put(&ssm, "/svc/b/four", "4", ParameterType::String).await;
    put(&ssm, "plain", "p", ParameterType::String).await;

    let by_path = |path: &str, recursive: bool| {
        ssm.get_parameters_by_path()
            .path(path)
            .recursive(recursive)
            .with_decryption(true)
    };
    let names = |parameters: &[aws_sdk_ssm::types::Parameter]| -> Vec<String> {
        parameters
            .iter()
            .filter_map(|p| p.name().map(str::to_owned))
            .collect()
    };
    let one_level = by_path("/svc/a", false).send().await.expect("by path");
    assert_eq!(names(one_level.parameters()), ["/svc/a/one", "/svc/a/two"]);
    assert_eq!(one_level.parameters()[1].value(), Some("two-secret"));
    let first = by_path("/svc/a/", true)
        .max_results(2)
        .send()
        .await
        .expect("by path, recursive");
    assert_eq!(
        names(first.parameters()),
        ["/svc/a/deep/three", "/svc/a/one"]
    );
    let second = by_path("/svc/a/", true)
        .max_results(2)
        .next_token(first.next_token().expect("a second page"))
        .send()
        .await
        .expect("the second page");
    assert_eq!(names(second.parameters()), ["/svc/a/two"]);
    assert!(second.next_token().is_none());
    let root = by_path("/", false).send().await.expect("the root");
    assert_eq!(names(root.parameters()), ["plain"]);
    let mut everything = Vec::new();
    let mut token = None;
    loop {
        let page = by_path("/", true)
            .set_next_token(token)
            .send()
            .await
            .expect("everything");
        everything.extend(names(page.parameters()));
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(everything.len(), 5, "{everything:?}");
    let secure = by_path("/svc", true)
        .parameter_filters(filter("Type", "Equals", &["SecureString"]))
        .send()
        .await
        .expect("a Type filter");
    assert_eq!(names(secure.parameters()), ["/svc/a/two"]);
    put_overwrite(&ssm, "/svc/a/one", "1b").await;
    ssm.label_parameter_version()
        .name("/svc/a/one")
        .parameter_version(1)
        .labels("blue")
        .send()
        .await
        .expect("a label");
    let blue = by_path("/svc", true)
        .parameter_filters(filter("Label", "Equals", &["blue"]))
        .send()
        .await
        .expect("a Label filter");
    assert_eq!(names(blue.parameters()), ["/svc/a/one"]);
    assert_eq!(
        blue.parameters()[0].value(),
        Some("1"),
        "the labelled version"
    );
    let bad_key = by_path("/svc", true)
        .parameter_filters(filter("Name", "Equals", &["x"]))
        .send()
        .await
        .expect_err("a Name filter by path");
    assert_eq!(code(&bad_key), "InvalidFilterKey");
    let relative = by_path("svc", true)
        .send()
        .await
        .expect_err("a relative path");
    assert_eq!(code(&relative), "ValidationException");

    // DescribeParameters: pages and filters.
    let mut pages = 0;
    let mut described = Vec::new();
    let mut token = None;
    loop {
        let page = ssm
            .describe_parameters()
            .max_results(2)
            .set_next_token(token)
            .send()
            .await
            .expect("DescribeParameters");
        pages += 1;
        described.extend(
            page.parameters()
                .iter()
                .filter_map(|p| p.name().map(str::to_owned)),
        );
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!((pages, described.len()), (3, 5), "{described:?}");
    let describe = |filters: Vec<ParameterStringFilter>| {
        ssm.describe_parameters()
            .set_parameter_filters(Some(filters))
    };
    let recursive = describe(vec![filter("Path", "Recursive", &["/svc"])])
        .send()
        .await
        .expect("a Path filter");
    assert_eq!(recursive.parameters().len(), 4);
    let level = describe(vec![filter("Path", "OneLevel", &["/svc/a"])])
        .send()
        .await
        .expect("a one-level Path filter");
    assert_eq!(level.parameters().len(), 2);
    let typed = describe(vec![filter("Type", "Equals", &["SecureString"])])
        .send()
        .await
        .expect("a Type filter");
    assert_eq!(typed.parameters().len(), 1);
    assert_eq!(typed.parameters()[0].key_id(), Some("alias/aws/ssm"));
    assert_eq!(typed.parameters()[0].version(), 1);
    ssm.add_tags_to_resource()
        .resource_type(ResourceTypeForTagging::Parameter)
        .resource_id("/svc/b/four")
        .tags(
            Tag::builder()
                .key("team")
                .value("web")
                .build()
                .expect("a tag"),
        )
        .send()
        .await
        .expect("AddTagsToResource");
    let tagged = describe(vec![filter("tag:team", "Equals", &["web"])])
        .send()
        .await
        .expect("a tag filter");
    assert_eq!(tagged.parameters()[0].name(), Some("/svc/b/four"));
    assert_eq!(tagged.parameters().len(), 1);
    let both = ssm
        .describe_parameters()
        .parameter_filters(filter("Type", "Equals", &["String"]))
        .filters(
            aws_sdk_ssm::types::ParametersFilter::builder()
                .key(aws_sdk_ssm::types::ParametersFilterKey::Type)
                .values("String")
                .build()
                .expect("a filter"),
        )
        .send()
        .await
        .expect_err("both kinds of filter");
    assert_eq!(code(&both), "ValidationException");
    let bad_option = describe(vec![filter("Type", "Contains", &["S"])])
        .send()
        .await
        .expect_err("Contains on Type");
    assert_eq!(code(&bad_option), "InvalidFilterOption");

    // GetParameters reports what it could not read.
    let got = ssm
        .get_parameters()
        .names("/svc/a/one")
        .names("/svc/missing")
        .names("/svc/a/one:7")
        .names("bad name")
        .send()
        .await
        .expect("GetParameters");
    assert_eq!(names(got.parameters()), ["/svc/a/one"]);
    assert_eq!(
        got.invalid_parameters(),
        ["/svc/missing", "/svc/a/one:7", "bad name"]
    );

    // Deletion.
    let missing = ssm
        .delete_parameter()
        .name("/svc/missing")
        .send()
        .await
        .expect_err("deleting a missing parameter");
    assert_eq!(code(&missing), "ParameterNotFound");
    ssm.delete_parameter()
        .name("plain")
        .send()
        .await
        .expect("DeleteParameter");
    let deleted = ssm
        .delete_parameters()
        .names("/svc/a/one")
        .names("/svc/missing")
        .send()
        .await
        .expect("DeleteParameters");
    assert_eq!(deleted.deleted_parameters(), ["/svc/a/one"]);
    assert_eq!(deleted.invalid_parameters(), ["/svc/missing"]);
    for name in ["plain", "/svc/a/one"] {
        let gone = ssm
            .get_parameter()
            .name(name)
            .send()
            .await
            .expect_err("deleted");
        assert_eq!(code(&gone), "ParameterNotFound");
    }
    // A name deleted can be made again, from version 1.
    let again = put(&ssm, "plain", "again", ParameterType::String).await;
    assert_eq!(again.version(), 1);
}

#[tokio::test]
async fn parameter_tags_are_added_listed_and_removed() {
    let cluster = TestCluster::start().await;
    let ssm = common::ssm(&cluster);
    ssm.put_parameter()
        .name("/tagged")
        .value("v")
        .r#type(ParameterType::String)
        .tags(Tag::builder().key("a").value("1").build().expect("a tag"))
        .send()
        .await
        .expect("PutParameter with tags");
    let tag = |k: &str, v: &str| Tag::builder().key(k).value(v).build().expect("a tag");
    ssm.add_tags_to_resource()
        .resource_type(ResourceTypeForTagging::Parameter)
        .resource_id("/tagged")
        .tags(tag("a", "2"))
        .tags(tag("b", "3"))
        .send()
        .await
        .expect("AddTagsToResource");
    let list = || {
        ssm.list_tags_for_resource()
            .resource_type(ResourceTypeForTagging::Parameter)
            .resource_id("/tagged")
    };
    let mut tags: Vec<(String, String)> = list()
        .send()
        .await
        .expect("ListTagsForResource")
        .tag_list()
        .iter()
        .map(|t| (t.key().to_owned(), t.value().to_owned()))
        .collect();
    tags.sort();
    assert_eq!(
        tags,
        vec![("a".into(), "2".into()), ("b".into(), "3".into())]
    );
    ssm.remove_tags_from_resource()
        .resource_type(ResourceTypeForTagging::Parameter)
        .resource_id("/tagged")
        .tag_keys("a")
        .send()
        .await
        .expect("RemoveTagsFromResource");
    let left = list().send().await.expect("ListTagsForResource");
    assert_eq!(left.tag_list().len(), 1);
    assert_eq!(left.tag_list()[0].key(), "b");

    let missing = ssm
        .list_tags_for_resource()
        .resource_type(ResourceTypeForTagging::Parameter)
        .resource_id("/missing")
        .send()
        .await
        .expect_err("a missing parameter");
    assert_eq!(code(&missing), "InvalidResourceId");
    let document = ssm
        .list_tags_for_resource()
        .resource_type(ResourceTypeForTagging::Document)
        .resource_id("doc")
        .send()
        .await
        .expect_err("a document");
    assert_eq!(code(&document), "InvalidResourceType");
    let mut many = ssm
        .add_tags_to_resource()
        .resource_type(ResourceTypeForTagging::Parameter)
        .resource_id("/tagged");
    for i in 0..50 {
        many = many.tags(tag(&format!("k{i}"), "v"));
    }
    let too_many = many.send().await.expect_err("51 tags");
    assert_eq!(code(&too_many), "TooManyTagsError");
    assert_eq!(list().send().await.expect("tags").tag_list().len(), 1);
}

#[tokio::test]
async fn a_role_session_may_do_only_what_its_policy_allows() {
    let cluster = TestCluster::start().await;
    let admin = common::ssm(&cluster);
    put(&admin, "/app/x", "allowed", ParameterType::SecureString).await;
    put(&admin, "/other/y", "denied", ParameterType::String).await;
    common::create_role(
        &cluster,
        "app-reader",
        common::allow(
            &["ssm:GetParameter", "ssm:GetParameters"],
            &["arn:aws:ssm:us-east-1:000000000000:parameter/app/*"],
        ),
    )
    .await;
    let session = common::ssm_as(&cluster, common::role_session(&cluster, "app-reader"));
    assert_eq!(value_of(&session, "/app/x", true).await, "allowed");
    let both = session
        .get_parameters()
        .names("/app/x")
        .send()
        .await
        .expect("GetParameters of an allowed name");
    assert_eq!(both.parameters().len(), 1);
    let denied = session
        .get_parameter()
        .name("/other/y")
        .send()
        .await
        .expect_err("a parameter outside /app");
    assert_eq!(code(&denied), "AccessDeniedException");
    assert!(
        denied.message().unwrap_or_default().contains(
            "ssm:GetParameter on resource: arn:aws:ssm:us-east-1:000000000000:parameter/other/y"
        ),
        "{denied:?}"
    );
    let mixed = session
        .get_parameters()
        .names("/app/x")
        .names("/other/y")
        .send()
        .await
        .expect_err("one of two names denied");
    assert_eq!(code(&mixed), "AccessDeniedException");
    let write = session
        .put_parameter()
        .name("/app/x")
        .value("changed")
        .overwrite(true)
        .send()
        .await
        .expect_err("PutParameter is not allowed");
    assert_eq!(code(&write), "AccessDeniedException");
    let list = session
        .describe_parameters()
        .send()
        .await
        .expect_err("DescribeParameters is not allowed");
    assert_eq!(code(&list), "AccessDeniedException");
    // Nothing the session was refused changed anything.
    assert_eq!(value_of(&admin, "/app/x", true).await, "allowed");
}
