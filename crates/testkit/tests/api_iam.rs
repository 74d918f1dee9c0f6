//! The IAM and STS APIs through the real AWS SDK for Rust (aws-sdk-iam, aws-sdk-sts): every
//! IAM operation with IAM's names, ARNs, unique ids, limits and exceptions, URL-encoded
//! policy documents, GetCallerIdentity for each kind of caller, and AssumeRole allowed and
//! refused by trust policies.

mod iam_support;

use aws_sdk_iam::types::Tag;
use berth_testkit::TestCluster;
use iam_support::*;

/// ListClusters, and GetUser on her own user only (through `${aws:username}`).
const ALICE_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[
    {"Effect":"Allow","Action":"ecs:ListClusters","Resource":"*"},
    {"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#;
const ALLOW_LIST_CLUSTERS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:ListClusters","Resource":"*"}]}"#;

#[tokio::test]
async fn roles_and_their_policies_follow_iam() {
    let cluster = TestCluster::start().await;
    let iam = admin_iam(&cluster);

    let created = iam
        .create_role()
        .role_name("Web")
        .path("/apps/")
        .description("the web tier")
        .max_session_duration(7200)
        .assume_role_policy_document(TRUST_ECS_TASKS)
        .tags(
            Tag::builder()
                .key("team")
                .value("blue")
                .build()
                .expect("tag"),
        )
        .send()
        .await
        .expect("CreateRole")
        .role
        .expect("a role");
    assert_eq!(
        created.arn(),
        format!("arn:aws:iam::{ACCOUNT}:role/apps/Web")
    );
    assert!(created.role_id().starts_with("AROA") && created.role_id().len() == 21);
    assert_eq!(
        decode_policy(created.assume_role_policy_document().expect("a document")),
        serde_json::from_str::<serde_json::Value>(TRUST_ECS_TASKS).expect("json"),
        "returned URL-encoded, as IAM"
    );

    // Names are unique regardless of case.
    let exists = iam
        .create_role()
        .role_name("WEB")
        .assume_role_policy_document(TRUST_ECS_TASKS)
        .send()
        .await
        .expect_err("taken");
    assert_eq!(code(&exists), "EntityAlreadyExists");
    assert_eq!(
        exists.raw_response().map(|r| r.status().as_u16()),
        Some(409)
    );

    // Trust policies are validated, and the users and roles they name must exist.
    let malformed = iam
        .create_role()
        .role_name("bad")
        .assume_role_policy_document(
            r#"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"#,
        )
        .send()
        .await
        .expect_err("no principal");
    assert_eq!(code(&malformed), "MalformedPolicyDocument");
    let unknown = iam
        .create_role()
        .role_name("bad")
        .assume_role_policy_document(trust_aws(&format!("arn:aws:iam::{ACCOUNT}:user/nobody")))
        .send()
        .await
        .expect_err("no such user");
    assert_eq!(code(&unknown), "MalformedPolicyDocument");
    assert!(
        message(&unknown).starts_with("Invalid principal in policy"),
        "{}",
        message(&unknown)
    );

    let got = iam
        .get_role()
        .role_name("web")
        .send()
        .await
        .expect("GetRole")
        .role
        .expect("role");
    assert_eq!(got.role_name(), "Web", "as created");
    assert_eq!(got.max_session_duration(), Some(7200));
    assert_eq!(got.description(), Some("the web tier"));
    assert_eq!(got.tags().len(), 1);
    let missing = iam
        .get_role()
        .role_name("nope")
        .send()
        .await
        .expect_err("missing");
    assert_eq!(code(&missing), "NoSuchEntity");
    assert_eq!(
        missing.raw_response().map(|r| r.status().as_u16()),
        Some(404)
    );

    // Listings filter by path and page with markers.
    for name in ["a", "b", "c"] {
        role_with_policy(&cluster, name, TRUST_ECS_TASKS, None).await;
    }
    let apps = iam
        .list_roles()
        .path_prefix("/apps/")
        .send()
        .await
        .expect("ListRoles");
    assert_eq!(apps.roles().len(), 1);
    let mut names = Vec::new();
    let mut marker = None;
    loop {
        let page = iam
            .list_roles()
            .max_items(2)
            .set_marker(marker)
            .send()
            .await
            .expect("ListRoles");
        names.extend(page.roles().iter().map(|r| r.role_name().to_owned()));
        marker = page.marker().map(str::to_owned);
        assert_eq!(page.is_truncated(), marker.is_some());
        if marker.is_none() {
            break;
        }
    }
    assert_eq!(names, ["a", "b", "c", "Web"]);

    // Inline policies: put, get (URL-encoded), list, the quota, a malformed one refused
    // with nothing changed.
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:ListTasks","Resource":"*"}]}"#;
    iam.put_role_policy()
        .role_name("Web")
        .policy_name("tasks")
        .policy_document(policy)
        .send()
        .await
        .expect("PutRolePolicy");
    let got = iam
        .get_role_policy()
        .role_name("Web")
        .policy_name("tasks")
        .send()
        .await
        .expect("GetRolePolicy");
    assert_eq!(got.policy_document(), percent_encode(policy));
    let bad = iam
        .put_role_policy()
        .role_name("Web")
        .policy_name("tasks")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:ListTasks"}]}"#,
        )
        .send()
        .await
        .expect_err("no resource");
    assert_eq!(code(&bad), "MalformedPolicyDocument");
    let unchanged = iam
        .get_role_policy()
        .role_name("Web")
        .policy_name("tasks")
        .send()
        .await
        .expect("still there");
    assert_eq!(unchanged.policy_document(), percent_encode(policy));
    let huge = format!(
        r#"{{"Statement":[{{"Effect":"Allow","Action":"ecs:ListTasks","Resource":"arn:aws:ecs:*:*:cluster/{}"}}]}}"#,
        "a".repeat(10_300)
    );
    let over = iam
        .put_role_policy()
        .role_name("Web")
        .policy_name("huge")
        .policy_document(huge)
        .send()
        .await
        .expect_err("over 10240");
    assert_eq!(code(&over), "LimitExceeded");
    let listed = iam
        .list_role_policies()
        .role_name("Web")
        .send()
        .await
        .expect("list");
    assert_eq!(listed.policy_names(), ["tasks"]);

    // A role with policies cannot be deleted.
    let conflict = iam
        .delete_role()
        .role_name("Web")
        .send()
        .await
        .expect_err("policies");
    assert_eq!(code(&conflict), "DeleteConflict");
    iam.update_assume_role_policy()
        .role_name("Web")
        .policy_document(trust_aws(ACCOUNT))
        .send()
        .await
        .expect("UpdateAssumeRolePolicy");
    let got = iam
        .get_role()
        .role_name("Web")
        .send()
        .await
        .expect("GetRole")
        .role
        .expect("role");
    assert_eq!(
        decode_policy(got.assume_role_policy_document().expect("doc"))["Statement"][0]["Principal"]
            ["AWS"],
        ACCOUNT
    );
    iam.delete_role_policy()
        .role_name("Web")
        .policy_name("tasks")
        .send()
        .await
        .expect("DeleteRolePolicy");
    let gone = iam
        .get_role_policy()
        .role_name("Web")
        .policy_name("tasks")
        .send()
        .await
        .expect_err("deleted");
    assert_eq!(code(&gone), "NoSuchEntity");
    iam.delete_role()
        .role_name("Web")
        .send()
        .await
        .expect("DeleteRole");
    assert_eq!(
        code(
            &iam.get_role()
                .role_name("Web")
                .send()
                .await
                .expect_err("deleted")
        ),
        "NoSuchEntity"
    );
}

#[tokio::test]
async fn users_keys_and_their_policies_follow_iam() {
    let cluster = TestCluster::start().await;
    let iam = admin_iam(&cluster);

    let user = iam
        .create_user()
        .user_name("alice")
        .send()
        .await
        .expect("CreateUser")
        .user
        .expect("a user");
    assert_eq!(user.arn(), format!("arn:aws:iam::{ACCOUNT}:user/alice"));
    assert!(user.user_id().starts_with("AIDA"));
    assert_eq!(
        code(
            &iam.create_user()
                .user_name("Alice")
                .send()
                .await
                .expect_err("taken")
        ),
        "EntityAlreadyExists"
    );
    let bad_name = iam
        .create_user()
        .user_name("a b")
        .send()
        .await
        .expect_err("pattern");
    assert_eq!(code(&bad_name), "ValidationError");
    iam.create_user()
        .user_name("bob")
        .path("/ops/")
        .send()
        .await
        .expect("bob");
    let ops = iam
        .list_users()
        .path_prefix("/ops/")
        .send()
        .await
        .expect("ListUsers");
    assert_eq!(ops.users().len(), 1);
    assert_eq!(iam.list_users().send().await.expect("all").users().len(), 2);

    // The user inline quota is 2,048 characters without whitespace.
    let over = iam
        .put_user_policy()
        .user_name("alice")
        .policy_name("big")
        .policy_document(format!(
            r#"{{"Statement":[{{"Effect":"Allow","Action":"ecs:ListTasks","Resource":"arn:aws:ecs:*:*:cluster/{}"}}]}}"#,
            "a".repeat(2048)
        ))
        .send()
        .await
        .expect_err("over 2048");
    assert_eq!(code(&over), "LimitExceeded");
    iam.put_user_policy()
        .user_name("alice")
        .policy_name("list")
        .policy_document(ALICE_POLICY)
        .send()
        .await
        .expect("PutUserPolicy");
    let got = iam
        .get_user_policy()
        .user_name("alice")
        .policy_name("list")
        .send()
        .await
        .expect("GetUserPolicy");
    assert_eq!(
        decode_policy(got.policy_document())["Statement"][0]["Action"],
        "ecs:ListClusters"
    );
    assert_eq!(
        iam.list_user_policies()
            .user_name("alice")
            .send()
            .await
            .expect("list")
            .policy_names(),
        ["list"]
    );

    // Two keys at most.
    let first = iam
        .create_access_key()
        .user_name("alice")
        .send()
        .await
        .expect("key 1");
    let first = first.access_key.expect("key");
    assert!(first.access_key_id().starts_with("AKIA"));
    assert_eq!(first.secret_access_key().len(), 40);
    iam.create_access_key()
        .user_name("alice")
        .send()
        .await
        .expect("key 2");
    let third = iam
        .create_access_key()
        .user_name("alice")
        .send()
        .await
        .expect_err("third");
    assert_eq!(code(&third), "LimitExceeded");
    let keys = iam
        .list_access_keys()
        .user_name("alice")
        .send()
        .await
        .expect("list keys");
    assert_eq!(keys.access_key_metadata().len(), 2);

    // The key works, and GetUser without a name is the caller.
    let alice = aws_credential_types::Credentials::new(
        first.access_key_id(),
        first.secret_access_key(),
        None,
        None,
        "test",
    );
    assert_eq!(
        get_own_user(&cluster, alice.clone()).await,
        Ok("alice".to_owned())
    );
    let others = aws_sdk_iam::Client::new(&cluster.sdk_config(alice.clone()))
        .get_user()
        .user_name("bob")
        .send()
        .await
        .expect_err("only her own user");
    assert_eq!(code(&others), "AccessDenied");
    let identity = sts(&cluster, alice.clone())
        .get_caller_identity()
        .send()
        .await
        .expect("GetCallerIdentity");
    assert_eq!(identity.arn(), Some(user.arn()));
    assert_eq!(identity.user_id(), Some(user.user_id()));
    assert_eq!(identity.account(), Some(ACCOUNT));

    // A user with keys or policies cannot be deleted; its deleted key stops working.
    assert_eq!(
        code(
            &iam.delete_user()
                .user_name("alice")
                .send()
                .await
                .expect_err("keys")
        ),
        "DeleteConflict"
    );
    for key in keys.access_key_metadata() {
        iam.delete_access_key()
            .user_name("alice")
            .access_key_id(key.access_key_id().expect("id"))
            .send()
            .await
            .expect("DeleteAccessKey");
    }
    let refused = sts(&cluster, alice)
        .get_caller_identity()
        .send()
        .await
        .expect_err("the key is gone");
    assert_eq!(code(&refused), "InvalidClientTokenId");
    assert_eq!(
        code(
            &iam.delete_access_key()
                .user_name("alice")
                .access_key_id(first.access_key_id())
                .send()
                .await
                .expect_err("already deleted")
        ),
        "NoSuchEntity"
    );
    assert_eq!(
        code(
            &iam.delete_user()
                .user_name("alice")
                .send()
                .await
                .expect_err("policies")
        ),
        "DeleteConflict"
    );
    iam.delete_user_policy()
        .user_name("alice")
        .policy_name("list")
        .send()
        .await
        .expect("DeleteUserPolicy");
    iam.delete_user()
        .user_name("alice")
        .send()
        .await
        .expect("DeleteUser");
    assert_eq!(
        code(
            &iam.get_user()
                .user_name("alice")
                .send()
                .await
                .expect_err("gone")
        ),
        "NoSuchEntity"
    );
}

#[tokio::test]
async fn assume_role_follows_the_trust_policy() {
    let cluster = TestCluster::start().await;
    let alice_arn = format!("arn:aws:iam::{ACCOUNT}:user/alice");
    let alice = user_with_policy(&cluster, "alice", None).await;
    // Bob may assume roles only through his own policy.
    let bob = user_with_policy(
        &cluster,
        "bob",
        Some(&allow(
            r#""sts:AssumeRole""#,
            &format!(r#""arn:aws:iam::{ACCOUNT}:role/by-account""#),
        )),
    )
    .await;
    let named = role_with_policy(
        &cluster,
        "named",
        &trust_aws(&alice_arn),
        Some(ALLOW_LIST_CLUSTERS),
    )
    .await;
    let by_account = role_with_policy(&cluster, "by-account", &trust_aws(ACCOUNT), None).await;
    let tasks_only = role_with_policy(&cluster, "tasks-only", TRUST_ECS_TASKS, None).await;

    // Named in the trust policy: allowed without any identity policy.
    let assumed = sts(&cluster, alice.clone())
        .assume_role()
        .role_arn(&named)
        .role_session_name("alice-session")
        .duration_seconds(900)
        .send()
        .await
        .expect("AssumeRole");
    let user = assumed.assumed_role_user().expect("user");
    assert_eq!(
        user.arn(),
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/named/alice-session")
    );
    assert!(
        user.assumed_role_id().starts_with("AROA")
            && user.assumed_role_id().ends_with(":alice-session")
    );
    let credentials = assumed.credentials().expect("credentials");
    assert!(credentials.access_key_id().starts_with("ASIA"));
    let identity = sts(&cluster, session(credentials))
        .get_caller_identity()
        .send()
        .await
        .expect("the session works");
    assert_eq!(identity.arn(), Some(user.arn()));
    assert_eq!(identity.user_id(), Some(user.assumed_role_id()));

    // Trusted only through the account: the caller's own policy must allow it too.
    let refused = assume(&cluster, &alice, &by_account)
        .send()
        .await
        .expect_err("alice has no policy");
    assert_eq!(code(&refused), "AccessDenied");
    assert_eq!(
        refused.raw_response().map(|r| r.status().as_u16()),
        Some(403)
    );
    assert_eq!(
        message(&refused),
        format!(
            "User: {alice_arn} is not authorized to perform: sts:AssumeRole on resource: \
             {by_account} because no identity-based policy allows the sts:AssumeRole action"
        )
    );
    assume(&cluster, &bob, &by_account)
        .send()
        .await
        .expect("bob's policy allows it");

    // Not trusted at all, and a role that does not exist, are refused alike.
    for arn in [
        tasks_only.clone(),
        format!("arn:aws:iam::{ACCOUNT}:role/nope"),
    ] {
        let refused = assume(&cluster, &bob, &arn)
            .send()
            .await
            .expect_err("not trusted");
        assert_eq!(code(&refused), "AccessDenied");
    }

    // DurationSeconds within the role's MaxSessionDuration; session names follow IAM.
    let too_long = assume(&cluster, &alice, &named)
        .duration_seconds(7200)
        .send()
        .await
        .expect_err("over 3600");
    assert_eq!(code(&too_long), "ValidationError");
    let bad_name = sts(&cluster, alice.clone())
        .assume_role()
        .role_arn(&named)
        .role_session_name("no spaces")
        .send()
        .await
        .expect_err("pattern");
    assert_eq!(code(&bad_name), "ValidationError");
    let unsupported = assume(&cluster, &alice, &named)
        .policy(ALLOW_LIST_CLUSTERS)
        .send()
        .await
        .expect_err("session policies are refused, not ignored");
    assert!(
        message(&unsupported).contains("Policy"),
        "{}",
        message(&unsupported)
    );

    // The administrator is the account root.
    let admin = sts(&cluster, cluster.admin_credentials())
        .get_caller_identity()
        .send()
        .await
        .expect("GetCallerIdentity");
    assert_eq!(
        admin.arn(),
        Some(format!("arn:aws:iam::{ACCOUNT}:root").as_str())
    );
    assert_eq!(admin.user_id(), Some(ACCOUNT));
}

/// AssumeRole of `role` as session `s1`, signed by `credentials`.
fn assume(
    cluster: &TestCluster,
    credentials: &aws_credential_types::Credentials,
    role: &str,
) -> aws_sdk_sts::operation::assume_role::builders::AssumeRoleFluentBuilder {
    sts(cluster, credentials.clone())
        .assume_role()
        .role_arn(role)
        .role_session_name("s1")
}

/// IAM's URL encoding of a policy document.
fn percent_encode(document: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(document, SET).to_string()
}

/// GetUser without a name, signed by `credentials`.
async fn get_own_user(
    cluster: &TestCluster,
    credentials: aws_credential_types::Credentials,
) -> Result<String, String> {
    iam(cluster, credentials)
        .get_user()
        .send()
        .await
        .map(|out| out.user.expect("user").user_name().to_owned())
        .map_err(|error| code(&error))
}
