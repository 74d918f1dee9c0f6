//! Secrets Manager through the AWS SDK for Rust (`aws-sdk-secretsmanager`) against a real
//! server: names and ARNs, idempotent versions, staging labels, binary secrets, the
//! deletion window and its reconciler, listing with filters and pages, batch reads, tags,
//! and authorization of a role's session.

mod common;

use std::time::Duration;

use aws_sdk_secretsmanager::error::ProvideErrorMetadata;
use aws_sdk_secretsmanager::primitives::Blob;
use aws_sdk_secretsmanager::types::{Filter, FilterNameStringType, SortOrderType, Tag};
use berth_testkit::{wait_for, TestCluster};

const TOKEN_1: &str = "00000000-0000-4000-8000-000000000001";
const TOKEN_2: &str = "00000000-0000-4000-8000-000000000002";
const TOKEN_3: &str = "00000000-0000-4000-8000-000000000003";

fn code<E: ProvideErrorMetadata>(error: &E) -> String {
    error.code().unwrap_or_default().to_owned()
}

async fn current(sm: &aws_sdk_secretsmanager::Client, id: &str) -> String {
    sm.get_secret_value()
        .secret_id(id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GetSecretValue {id}: {e:?}"))
        .secret_string()
        .expect("a SecretString")
        .to_owned()
}

fn stages_of(
    described: &aws_sdk_secretsmanager::operation::describe_secret::DescribeSecretOutput,
    version: &str,
) -> Vec<String> {
    let mut stages = described
        .version_ids_to_stages()
        .and_then(|m| m.get(version))
        .cloned()
        .unwrap_or_default();
    stages.sort();
    stages
}

#[tokio::test]
async fn secrets_are_named_by_name_or_arn_and_versions_move_their_stages() {
    let cluster = TestCluster::start().await;
    let sm = common::secrets(&cluster);
    let created = sm
        .create_secret()
        .name("db/creds")
        .description("the database")
        .secret_string(r#"{"user":"app","password":"v1"}"#)
        .client_request_token(TOKEN_1)
        .send()
        .await
        .expect("CreateSecret");
    let arn = created.arn().expect("an ARN").to_owned();
    assert_eq!(created.version_id(), Some(TOKEN_1));
    let prefix = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db/creds-";
    let suffix = arn.strip_prefix(prefix).unwrap_or_else(|| panic!("{arn}"));
    assert!(
        suffix.len() == 6 && suffix.chars().all(|c| c.is_ascii_alphanumeric()),
        "{arn}"
    );
    let partial = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db/creds";
    for id in ["db/creds", arn.as_str(), partial] {
        assert_eq!(
            current(&sm, id).await,
            r#"{"user":"app","password":"v1"}"#,
            "{id}"
        );
    }

    // The same token and value is a retry; another call for the name is refused.
    let retried = sm
        .create_secret()
        .name("db/creds")
        .description("the database")
        .secret_string(r#"{"user":"app","password":"v1"}"#)
        .client_request_token(TOKEN_1)
        .send()
        .await
        .expect("a retried CreateSecret");
    assert_eq!(retried.arn(), Some(arn.as_str()));
    let exists = sm
        .create_secret()
        .name("db/creds")
        .secret_string("other")
        .send()
        .await
        .expect_err("a second secret of the name");
    assert_eq!(code(&exists), "ResourceExistsException");

    // A new version takes AWSCURRENT; the old one AWSPREVIOUS.
    let put = sm
        .put_secret_value()
        .secret_id(&arn)
        .secret_string("v2")
        .client_request_token(TOKEN_2)
        .send()
        .await
        .expect("PutSecretValue");
    assert_eq!(put.version_id(), Some(TOKEN_2));
    assert_eq!(put.version_stages(), ["AWSCURRENT"]);
    assert_eq!(current(&sm, "db/creds").await, "v2");
    let previous = sm
        .get_secret_value()
        .secret_id("db/creds")
        .version_stage("AWSPREVIOUS")
        .send()
        .await
        .expect("AWSPREVIOUS");
    assert_eq!(previous.version_id(), Some(TOKEN_1));
    assert_eq!(previous.version_stages(), ["AWSPREVIOUS"]);
    let by_id = sm
        .get_secret_value()
        .secret_id("db/creds")
        .version_id(TOKEN_1)
        .send()
        .await
        .expect("by version id");
    assert_eq!(
        by_id.secret_string(),
        Some(r#"{"user":"app","password":"v1"}"#)
    );
    let mismatch = sm
        .get_secret_value()
        .secret_id("db/creds")
        .version_id(TOKEN_1)
        .version_stage("AWSCURRENT")
        .send()
        .await
        .expect_err("a version id and a stage of different versions");
    assert_eq!(code(&mismatch), "ResourceNotFoundException");
    // A retried PutSecretValue changes nothing; the token with another value is refused.
    sm.put_secret_value()
        .secret_id("db/creds")
        .secret_string("v2")
        .client_request_token(TOKEN_2)
        .send()
        .await
        .expect("a retried PutSecretValue");
    let reused = sm
        .put_secret_value()
        .secret_id("db/creds")
        .secret_string("v2-other")
        .client_request_token(TOKEN_2)
        .send()
        .await
        .expect_err("a token reused with another value");
    assert_eq!(code(&reused), "ResourceExistsException");

    // A pending version, then AWSCURRENT moved to it by hand.
    sm.put_secret_value()
        .secret_id("db/creds")
        .secret_string("v3")
        .client_request_token(TOKEN_3)
        .version_stages("AWSPENDING")
        .send()
        .await
        .expect("a pending version");
    assert_eq!(current(&sm, "db/creds").await, "v2");
    let unnamed_holder = sm
        .update_secret_version_stage()
        .secret_id("db/creds")
        .version_stage("AWSCURRENT")
        .move_to_version_id(TOKEN_3)
        .send()
        .await
        .expect_err("moving AWSCURRENT without naming its holder");
    assert_eq!(code(&unnamed_holder), "InvalidParameterException");
    sm.update_secret_version_stage()
        .secret_id("db/creds")
        .version_stage("AWSCURRENT")
        .move_to_version_id(TOKEN_3)
        .remove_from_version_id(TOKEN_2)
        .send()
        .await
        .expect("UpdateSecretVersionStage");
    assert_eq!(current(&sm, "db/creds").await, "v3");
    let described = sm
        .describe_secret()
        .secret_id("db/creds")
        .send()
        .await
        .expect("DescribeSecret");
    assert_eq!(described.name(), Some("db/creds"));
    assert_eq!(described.description(), Some("the database"));
    assert_eq!(stages_of(&described, TOKEN_3), ["AWSCURRENT", "AWSPENDING"]);
    assert_eq!(stages_of(&described, TOKEN_2), ["AWSPREVIOUS"]);
    assert!(stages_of(&described, TOKEN_1).is_empty(), "deprecated");
    let listed = sm
        .list_secret_version_ids()
        .secret_id("db/creds")
        .send()
        .await
        .expect("ListSecretVersionIds");
    assert_eq!(listed.versions().len(), 2);
    let all = sm
        .list_secret_version_ids()
        .secret_id("db/creds")
        .include_deprecated(true)
        .send()
        .await
        .expect("ListSecretVersionIds with deprecated ones");
    assert_eq!(all.versions().len(), 3);
    let removed = sm
        .update_secret_version_stage()
        .secret_id("db/creds")
        .version_stage("AWSPENDING")
        .remove_from_version_id(TOKEN_3)
        .send()
        .await;
    assert!(removed.is_ok(), "{removed:?}");

    // UpdateSecret: metadata, and a new current value.
    let updated = sm
        .update_secret()
        .secret_id("db/creds")
        .description("rotated by hand")
        .secret_string("v4")
        .send()
        .await
        .expect("UpdateSecret");
    let v4 = updated.version_id().expect("a new version").to_owned();
    assert_eq!(current(&sm, "db/creds").await, "v4");
    let described = sm
        .describe_secret()
        .secret_id(&arn)
        .send()
        .await
        .expect("DescribeSecret");
    assert_eq!(described.description(), Some("rotated by hand"));
    assert_eq!(stages_of(&described, &v4), ["AWSCURRENT"]);
    assert_eq!(stages_of(&described, TOKEN_3), ["AWSPREVIOUS"]);

    // Binary secrets.
    let bytes = vec![0u8, 1, 2, 254, 255];
    sm.create_secret()
        .name("bin")
        .secret_binary(Blob::new(bytes.clone()))
        .send()
        .await
        .expect("a binary secret");
    let read = sm
        .get_secret_value()
        .secret_id("bin")
        .send()
        .await
        .expect("reading a binary secret");
    assert_eq!(
        read.secret_binary().map(|b| b.as_ref().to_vec()),
        Some(bytes)
    );
    assert_eq!(read.secret_string(), None);

    for (request, expected) in [
        (
            sm.create_secret()
                .name("both")
                .secret_string("s")
                .secret_binary(Blob::new(vec![1])),
            "InvalidParameterException",
        ),
        (
            sm.create_secret()
                .name("kms")
                .secret_string("s")
                .kms_key_id("alias/custom"),
            "InvalidParameterException",
        ),
        (
            sm.create_secret().name("bad name!").secret_string("s"),
            "InvalidParameterException",
        ),
        (
            sm.create_secret()
                .name("replicated")
                .secret_string("s")
                .add_replica_regions(
                    aws_sdk_secretsmanager::types::ReplicaRegionType::builder()
                        .region("eu-west-1")
                        .build(),
                ),
            "InvalidParameterException",
        ),
    ] {
        let error = request.send().await.expect_err("refused");
        assert_eq!(code(&error), expected, "{error:?}");
    }
    let missing = sm
        .get_secret_value()
        .secret_id("missing")
        .send()
        .await
        .expect_err("a missing secret");
    assert_eq!(code(&missing), "ResourceNotFoundException");
    let names: Vec<String> = sm
        .list_secrets()
        .send()
        .await
        .expect("ListSecrets")
        .secret_list()
        .iter()
        .filter_map(|s| s.name().map(str::to_owned))
        .collect();
    assert_eq!(names.len(), 2, "nothing refused was stored: {names:?}");
}

#[tokio::test]
async fn a_deleted_secret_waits_out_its_recovery_window_and_then_goes() {
    let cluster = TestCluster::start().await;
    let sm = common::secrets(&cluster);
    common::create_secret(&sm, "temp", "value").await;
    for (window, force) in [(Some(6), None), (Some(31), None), (Some(7), Some(true))] {
        let error = sm
            .delete_secret()
            .secret_id("temp")
            .set_recovery_window_in_days(window)
            .set_force_delete_without_recovery(force)
            .send()
            .await
            .expect_err("an invalid deletion");
        assert_eq!(
            code(&error),
            "InvalidParameterException",
            "{window:?} {force:?}"
        );
    }
    let deleted = sm
        .delete_secret()
        .secret_id("temp")
        .recovery_window_in_days(7)
        .send()
        .await
        .expect("DeleteSecret");
    let in_days = deleted.deletion_date().expect("a deletion date").secs()
        - time::OffsetDateTime::now_utc().unix_timestamp();
    assert!(
        (7 * 86_400 - 60..=7 * 86_400).contains(&in_days),
        "{in_days}"
    );

    let read = sm
        .get_secret_value()
        .secret_id("temp")
        .send()
        .await
        .expect_err("reading a secret marked for deletion");
    assert_eq!(code(&read), "InvalidRequestException");
    let write = sm
        .put_secret_value()
        .secret_id("temp")
        .secret_string("x")
        .send()
        .await
        .expect_err("writing a secret marked for deletion");
    assert_eq!(code(&write), "InvalidRequestException");
    let twice = sm
        .delete_secret()
        .secret_id("temp")
        .send()
        .await
        .expect_err("deleting it again");
    assert_eq!(code(&twice), "InvalidRequestException");
    let recreate = sm
        .create_secret()
        .name("temp")
        .secret_string("new")
        .send()
        .await
        .expect_err("making the name again during the window");
    assert_eq!(code(&recreate), "InvalidRequestException");
    let described = sm
        .describe_secret()
        .secret_id("temp")
        .send()
        .await
        .expect("DescribeSecret during the window");
    assert!(described.deleted_date().is_some());
    let listed = sm.list_secrets().send().await.expect("ListSecrets");
    assert!(listed.secret_list().is_empty());
    let planned = sm
        .list_secrets()
        .include_planned_deletion(true)
        .send()
        .await
        .expect("ListSecrets with planned deletions");
    assert_eq!(planned.secret_list().len(), 1);

    sm.restore_secret()
        .secret_id("temp")
        .send()
        .await
        .expect("RestoreSecret");
    assert_eq!(current(&sm, "temp").await, "value");

    // Once the window has passed, the reconciler deletes the secret and its values.
    sm.delete_secret()
        .secret_id("temp")
        .recovery_window_in_days(7)
        .send()
        .await
        .expect("DeleteSecret");
    let id = end_recovery_window(&cluster, "temp").await;
    wait_for(
        "the reconciler to delete the secret",
        Duration::from_secs(30),
        || {
            let sm = sm.clone();
            async move {
                let error = sm.describe_secret().secret_id("temp").send().await.err()?;
                (code(&error) == "ResourceNotFoundException").then_some(())
            }
        },
    )
    .await;
    let (values, _) = cluster
        .server
        .app
        .store
        .range(&berth_server::model::keys::secret_values(&id))
        .await
        .expect("a range");
    assert!(values.is_empty(), "the secret's values are gone");

    // Forced deletion is immediate, and the name can be used again.
    let first = common::create_secret(&sm, "forced", "a").await;
    sm.delete_secret()
        .secret_id("forced")
        .force_delete_without_recovery(true)
        .send()
        .await
        .expect("a forced deletion");
    let gone = sm
        .get_secret_value()
        .secret_id(&first)
        .send()
        .await
        .expect_err("a deleted secret");
    assert_eq!(code(&gone), "ResourceNotFoundException");
    let second = common::create_secret(&sm, "forced", "b").await;
    assert_eq!(current(&sm, &second).await, "b");
    let old_arn = sm.get_secret_value().secret_id(&first).send().await;
    assert!(
        first == second || old_arn.is_err(),
        "the old ARN names the old secret, which is gone"
    );
}

/// Moves the secret's deletion date into the past (as if its window had passed) and
/// returns the id its values are kept under.
async fn end_recovery_window(cluster: &TestCluster, name: &str) -> String {
    use berth_server::model::{keys, SecretRecord};
    let store = &cluster.server.app.store;
    let kv = store
        .get(&keys::secret(name))
        .await
        .expect("a read")
        .expect("the secret");
    let mut record: SecretRecord = serde_json::from_slice(&kv.value).expect("a secret record");
    record.deletion_date = Some(berth_server::model::now() - 1.0);
    store
        .txn(berth_server::app::txn(
            vec![berth_store::Compare::mod_revision(
                keys::secret(name),
                kv.mod_revision,
            )],
            vec![berth_store::Op::put(
                keys::secret(name),
                serde_json::to_vec(&record).expect("a record"),
            )],
        ))
        .await
        .expect("moving the deletion date");
    record.id
}

#[tokio::test]
async fn listing_filters_sorts_and_pages_and_batch_reads() {
    let cluster = TestCluster::start().await;
    let sm = common::secrets(&cluster);
    let tag = |k: &str, v: &str| Tag::builder().key(k).value(v).build();
    sm.create_secret()
        .name("app/one")
        .description("Database password")
        .secret_string("1")
        .tags(tag("team", "web"))
        .send()
        .await
        .expect("CreateSecret");
    for name in ["app/two", "app/three", "ops/one"] {
        common::create_secret(&sm, name, name).await;
    }
    sm.create_secret()
        .name("ops/two")
        .secret_string("ops/two")
        .tags(tag("team", "ops"))
        .send()
        .await
        .expect("CreateSecret");

    let filtered = |key: FilterNameStringType, value: &str| {
        sm.list_secrets()
            .filters(Filter::builder().key(key).values(value).build())
    };
    let count = |out: aws_sdk_secretsmanager::operation::list_secrets::ListSecretsOutput| {
        let mut names: Vec<String> = out
            .secret_list()
            .iter()
            .filter_map(|s| s.name().map(str::to_owned))
            .collect();
        names.sort();
        names
    };
    use FilterNameStringType::*;
    assert_eq!(
        count(filtered(Name, "app/").send().await.expect("by name")),
        ["app/one", "app/three", "app/two"]
    );
    assert_eq!(
        count(
            filtered(Name, "!app/")
                .send()
                .await
                .expect("by name, negated")
        ),
        ["ops/one", "ops/two"]
    );
    assert_eq!(
        count(filtered(TagKey, "team").send().await.expect("by tag key")),
        ["app/one", "ops/two"]
    );
    assert_eq!(
        count(
            filtered(TagValue, "web")
                .send()
                .await
                .expect("by tag value")
        ),
        ["app/one"]
    );
    assert_eq!(
        count(
            filtered(Description, "database")
                .send()
                .await
                .expect("by description")
        ),
        ["app/one"]
    );
    assert_eq!(
        count(filtered(All, "PASSWORD").send().await.expect("by anything")),
        ["app/one"]
    );

    let sorted: Vec<String> = sm
        .list_secrets()
        .sort_by(aws_sdk_secretsmanager::types::SortByType::Name)
        .sort_order(SortOrderType::Asc)
        .send()
        .await
        .expect("sorted by name")
        .secret_list()
        .iter()
        .filter_map(|s| s.name().map(str::to_owned))
        .collect();
    assert_eq!(
        sorted,
        ["app/one", "app/three", "app/two", "ops/one", "ops/two"]
    );
    let mut paged = Vec::new();
    let mut pages = 0;
    let mut token = None;
    loop {
        let page = sm
            .list_secrets()
            .max_results(2)
            .set_next_token(token)
            .send()
            .await
            .expect("a page of secrets");
        pages += 1;
        paged.extend(
            page.secret_list()
                .iter()
                .filter_map(|s| s.name().map(str::to_owned)),
        );
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    paged.sort();
    assert_eq!((pages, paged.clone()), (3, sorted.clone()));
    let newest_first: Vec<String> = sm
        .list_secrets()
        .send()
        .await
        .expect("ListSecrets")
        .secret_list()
        .iter()
        .filter_map(|s| s.name().map(str::to_owned))
        .collect();
    assert_eq!(newest_first.first().map(String::as_str), Some("ops/two"));
    let bad_token = sm
        .list_secrets()
        .next_token("not-a-token")
        .send()
        .await
        .expect_err("a forged token");
    assert_eq!(code(&bad_token), "InvalidNextTokenException");

    let batch = sm
        .batch_get_secret_value()
        .secret_id_list("app/one")
        .secret_id_list("missing")
        .send()
        .await
        .expect("BatchGetSecretValue by id");
    assert_eq!(batch.secret_values().len(), 1);
    assert_eq!(batch.secret_values()[0].secret_string(), Some("1"));
    assert_eq!(batch.errors().len(), 1);
    assert_eq!(batch.errors()[0].secret_id(), Some("missing"));
    assert_eq!(
        batch.errors()[0].error_code(),
        Some("ResourceNotFoundException")
    );
    let by_filter = sm
        .batch_get_secret_value()
        .filters(Filter::builder().key(Name).values("ops/").build())
        .send()
        .await
        .expect("BatchGetSecretValue by filter");
    let values: Vec<&str> = by_filter
        .secret_values()
        .iter()
        .filter_map(|v| v.secret_string())
        .collect();
    assert_eq!(values, ["ops/one", "ops/two"]);
    let both = sm
        .batch_get_secret_value()
        .secret_id_list("app/one")
        .filters(Filter::builder().key(Name).values("ops/").build())
        .send()
        .await
        .expect_err("both ids and filters");
    assert_eq!(code(&both), "InvalidParameterException");

    sm.tag_resource()
        .secret_id("app/two")
        .tags(tag("env", "prod"))
        .tags(tag("team", "web"))
        .send()
        .await
        .expect("TagResource");
    sm.untag_resource()
        .secret_id("app/two")
        .tag_keys("team")
        .send()
        .await
        .expect("UntagResource");
    let described = sm
        .describe_secret()
        .secret_id("app/two")
        .send()
        .await
        .expect("DescribeSecret");
    let tags: Vec<(Option<&str>, Option<&str>)> = described
        .tags()
        .iter()
        .map(|t| (t.key(), t.value()))
        .collect();
    assert_eq!(tags, [(Some("env"), Some("prod"))]);
    let reserved = sm
        .tag_resource()
        .secret_id("app/two")
        .tags(tag("aws:x", "y"))
        .send()
        .await
        .expect_err("a reserved tag key");
    assert_eq!(code(&reserved), "InvalidParameterException");
}

#[tokio::test]
async fn a_role_session_reads_only_the_secrets_its_policy_names() {
    let cluster = TestCluster::start().await;
    let admin = common::secrets(&cluster);
    let allowed = common::create_secret(&admin, "allowed", "yes").await;
    common::create_secret(&admin, "denied", "no").await;
    let mut policy = common::allow(&["secretsmanager:GetSecretValue"], &[&allowed]);
    policy["Statement"]
        .as_array_mut()
        .expect("statements")
        .push(serde_json::json!({
            "Effect": "Allow", "Action": "secretsmanager:BatchGetSecretValue", "Resource": "*"
        }));
    common::create_role(&cluster, "reader", policy).await;
    let session = common::secrets_as(&cluster, common::role_session(&cluster, "reader"));
    assert_eq!(current(&session, "allowed").await, "yes");
    let denied = session
        .get_secret_value()
        .secret_id("denied")
        .send()
        .await
        .expect_err("a secret the policy does not name");
    assert_eq!(code(&denied), "AccessDeniedException");
    let batch = session
        .batch_get_secret_value()
        .secret_id_list("allowed")
        .secret_id_list("denied")
        .send()
        .await
        .expect("BatchGetSecretValue");
    assert_eq!(batch.secret_values().len(), 1);
    assert_eq!(batch.secret_values()[0].name(), Some("allowed"));
    assert_eq!(batch.errors().len(), 1);
    assert_eq!(
        batch.errors()[0].error_code(),
        Some("AccessDeniedException")
    );
    let create = session
        .create_secret()
        .name("mine")
        .secret_string("x")
        .send()
        .await
        .expect_err("CreateSecret is not allowed");
    assert_eq!(code(&create), "AccessDeniedException");
    let describe = session
        .describe_secret()
        .secret_id(&allowed)
        .send()
        .await
        .expect_err("DescribeSecret is not allowed");
    assert_eq!(code(&describe), "AccessDeniedException");
    assert_eq!(
        admin
            .list_secrets()
            .send()
            .await
            .expect("ListSecrets")
            .secret_list()
            .len(),
        2,
        "the refused CreateSecret made nothing"
    );
}
