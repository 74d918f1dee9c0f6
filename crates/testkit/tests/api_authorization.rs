//! Authorization of every call, through the real SDKs (aws-sdk-ecs, aws-sdk-iam,
//! aws-sdk-sts) against a real server: IAM users and assumed-role sessions get exactly what
//! their policies allow. Each case is an allowed or refused call; refusals are checked for
//! AWS's exception name in each protocol (JSON `AccessDeniedException` for ECS, XML
//! `AccessDenied` with HTTP 403 for IAM and STS) and for AWS's message.
//!
//! Cluster `default` (with a fake agent, so tasks are placed) plays production; cluster
//! `dev` has no instances.

mod iam_support;

use aws_credential_types::Credentials;
use aws_sdk_ecs::error::SdkError;
use aws_sdk_ecs::types::{ContainerDefinition, TaskOverride};
use berth_server::identity::{mint_session, SessionClaims};
use berth_testkit::{AgentKind, Options, TestCluster};
use iam_support::*;

const DEFAULT: &str = "arn:aws:ecs:us-east-1:000000000000:cluster/default";

/// Counts the cases, so that the test says how many it checked.
#[derive(Default)]
struct Cases {
    allowed: usize,
    refused: usize,
}

impl Cases {
    fn allowed<T, E: std::fmt::Debug>(&mut self, what: &str, result: Result<T, E>) -> T {
        self.allowed += 1;
        result.unwrap_or_else(|error| panic!("{what}: expected allowed, got {error:?}"))
    }

    /// A refusal with `code`; returns the message.
    fn refused<T: std::fmt::Debug, E, R>(
        &mut self,
        what: &str,
        result: Result<T, SdkError<E, R>>,
        code_wanted: &str,
    ) -> String
    where
        E: aws_sdk_ecs::error::ProvideErrorMetadata + std::fmt::Debug,
        R: std::fmt::Debug,
    {
        self.refused += 1;
        let error = result.expect_err(&format!("{what}: expected a refusal"));
        assert_eq!(code(&error), code_wanted, "{what}: {error:?}");
        message(&error)
    }
}

fn container() -> ContainerDefinition {
    ContainerDefinition::builder()
        .name("app")
        .image(berth_testkit::test_image())
        .memory(32)
        .build()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_call_gets_what_its_callers_policies_allow() {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Fake,
        ..Options::default()
    })
    .await;
    let admin = &cluster.client;
    admin
        .create_cluster()
        .cluster_name("dev")
        .send()
        .await
        .expect("dev");
    admin
        .tag_resource()
        .resource_arn(DEFAULT)
        .tags(
            aws_sdk_ecs::types::Tag::builder()
                .key("env")
                .value("production")
                .build(),
        )
        .send()
        .await
        .expect("tagged");
    let app_role = role_with_policy(&cluster, "app", TRUST_ECS_TASKS, None).await;
    let web = admin
        .register_task_definition()
        .family("web")
        .task_role_arn(&app_role)
        .container_definitions(container())
        .send()
        .await
        .expect("web")
        .task_definition()
        .and_then(|d| d.task_definition_arn())
        .expect("an ARN")
        .to_owned();
    let running = admin
        .run_task()
        .task_definition(&web)
        .send()
        .await
        .expect("a task in default");
    let default_task = running.tasks()[0].task_arn().expect("an ARN").to_owned();
    let mut cases = Cases::default();

    // A user limited to one cluster by the ecs:cluster condition.
    let operator = ecs(
        &cluster,
        user_with_policy(
            &cluster,
            "operator",
            Some(&format!(
                r#"{{"Version":"2012-10-17","Statement":[
                {{"Effect":"Allow","Action":["ecs:RunTask","ecs:ListTasks","ecs:DescribeTasks"],"Resource":"*",
                  "Condition":{{"ArnEquals":{{"ecs:cluster":"{DEFAULT}"}}}}}},
                {{"Effect":"Allow","Action":"iam:PassRole","Resource":"{app_role}"}}]}}"#
            )),
        )
        .await,
    );
    cases.allowed(
        "RunTask in its cluster",
        operator.run_task().task_definition("web").send().await,
    );
    let message = cases.refused(
        "RunTask in another cluster",
        operator
            .run_task()
            .cluster("dev")
            .task_definition("web")
            .send()
            .await,
        "AccessDeniedException",
    );
    assert_eq!(
        message,
        format!(
            "User: arn:aws:iam::{ACCOUNT}:user/operator is not authorized to perform: \
             ecs:RunTask on resource: arn:aws:ecs:us-east-1:{ACCOUNT}:task-definition/web:1 \
             because no identity-based policy allows the ecs:RunTask action"
        )
    );
    cases.allowed(
        "ListTasks in its cluster",
        operator.list_tasks().send().await,
    );
    cases.refused(
        "ListTasks in another cluster",
        operator.list_tasks().cluster("dev").send().await,
        "AccessDeniedException",
    );
    cases.allowed(
        "DescribeTasks in its cluster",
        operator.describe_tasks().tasks(&default_task).send().await,
    );
    cases.refused(
        "ListClusters, which its policy does not name",
        operator.list_clusters().send().await,
        "AccessDeniedException",
    );

    // A user limited to one cluster by resource ARNs.
    let by_arn = ecs(
        &cluster,
        user_with_policy(
            &cluster,
            "by-arn",
            Some(
                r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["ecs:DescribeTasks","ecs:StopTask"],"Resource":"arn:aws:ecs:*:*:task/default/*"},
                {"Effect":"Allow","Action":["ecs:DescribeClusters","ecs:ListContainerInstances"],"Resource":"arn:aws:ecs:*:*:cluster/default"}]}"#,
            ),
        )
        .await,
    );
    cases.allowed(
        "DescribeClusters of its cluster",
        by_arn.describe_clusters().clusters("default").send().await,
    );
    cases.refused(
        "DescribeClusters of another cluster",
        by_arn.describe_clusters().clusters("dev").send().await,
        "AccessDeniedException",
    );
    cases.refused(
        "DescribeClusters of both: every resource must be allowed",
        by_arn
            .describe_clusters()
            .clusters("default")
            .clusters("dev")
            .send()
            .await,
        "AccessDeniedException",
    );
    cases.allowed(
        "ListContainerInstances of its cluster",
        by_arn.list_container_instances().send().await,
    );
    cases.refused(
        "ListContainerInstances of another cluster",
        by_arn
            .list_container_instances()
            .cluster("dev")
            .send()
            .await,
        "AccessDeniedException",
    );
    cases.refused(
        "StopTask of a task in another cluster",
        by_arn
            .stop_task()
            .cluster("dev")
            .task("0123456789abcdef0123456789abcdef")
            .send()
            .await,
        "AccessDeniedException",
    );
    cases.allowed(
        "StopTask of a task in its cluster",
        by_arn.stop_task().task(&default_task).send().await,
    );

    // Resource tags (aws:ResourceTag) decide.
    let by_tag = ecs(
        &cluster,
        user_with_policy(
            &cluster,
            "by-tag",
            Some(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:DescribeClusters","Resource":"*",
                "Condition":{"StringEquals":{"aws:ResourceTag/env":"production"}}}]}"#,
            ),
        )
        .await,
    );
    cases.allowed(
        "DescribeClusters of a cluster tagged env=production",
        by_tag.describe_clusters().clusters("default").send().await,
    );
    cases.refused(
        "DescribeClusters of an untagged cluster",
        by_tag.describe_clusters().clusters("dev").send().await,
        "AccessDeniedException",
    );

    // An explicit deny overrides an allow.
    let denied = ecs(
        &cluster,
        user_with_policy(
            &cluster,
            "denied",
            Some(
                r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"ecs:*","Resource":"*"},
                {"Effect":"Deny","Action":"ecs:DeleteCluster","Resource":"*"}]}"#,
            ),
        )
        .await,
    );
    cases.allowed(
        "ecs:* allows ListClusters",
        denied.list_clusters().send().await,
    );
    let message = cases.refused(
        "an explicit Deny of DeleteCluster",
        denied.delete_cluster().cluster("dev").send().await,
        "AccessDeniedException",
    );
    assert!(
        message.ends_with("with an explicit deny in an identity-based policy"),
        "{message}"
    );

    // NotAction.
    let not_action = user_with_policy(
        &cluster,
        "not-action",
        Some(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["ecs:Delete*","iam:*"],"Resource":"*"}]}"#,
        ),
    )
    .await;
    cases.allowed(
        "NotAction allows CreateCluster",
        ecs(&cluster, not_action.clone())
            .create_cluster()
            .cluster_name("scratch")
            .send()
            .await,
    );
    cases.refused(
        "NotAction leaves out DeleteCluster",
        ecs(&cluster, not_action.clone())
            .delete_cluster()
            .cluster("scratch")
            .send()
            .await,
        "AccessDeniedException",
    );
    let refused = iam(&cluster, not_action).list_users().send().await;
    let error = refused.as_ref().expect_err("NotAction leaves out iam:*");
    assert_eq!(error.raw_response().map(|r| r.status().as_u16()), Some(403));
    cases.refused(
        "NotAction leaves out iam:ListUsers",
        refused,
        "AccessDenied",
    );

    // StringLike on a request tag.
    let tagger = ecs(
        &cluster,
        user_with_policy(
            &cluster,
            "tagger",
            Some(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:CreateCluster","Resource":"*",
                "Condition":{"StringLike":{"aws:RequestTag/team":"blue-*"}}}]}"#,
            ),
        )
        .await,
    );
    let tag = |value: &str| {
        aws_sdk_ecs::types::Tag::builder()
            .key("team")
            .value(value)
            .build()
    };
    cases.allowed(
        "StringLike matches team=blue-web",
        tagger
            .create_cluster()
            .cluster_name("blue")
            .tags(tag("blue-web"))
            .send()
            .await,
    );
    cases.refused(
        "StringLike does not match team=red",
        tagger
            .create_cluster()
            .cluster_name("red")
            .tags(tag("red"))
            .send()
            .await,
        "AccessDeniedException",
    );
    cases.refused(
        "StringLike with the tag missing",
        tagger.create_cluster().cluster_name("bare").send().await,
        "AccessDeniedException",
    );

    // A user without any policy: denied everything but GetCallerIdentity.
    let nobody = user_with_policy(&cluster, "nobody", None).await;
    cases.refused(
        "no policy: ListClusters",
        ecs(&cluster, nobody.clone()).list_clusters().send().await,
        "AccessDeniedException",
    );
    cases.refused(
        "no policy: iam:ListRoles",
        iam(&cluster, nobody.clone()).list_roles().send().await,
        "AccessDenied",
    );
    cases.allowed(
        "no policy: GetCallerIdentity",
        sts(&cluster, nobody.clone())
            .get_caller_identity()
            .send()
            .await,
    );

    // iam:PassRole for the roles a task runs with.
    let runner_credentials = user_with_policy(
        &cluster,
        "runner",
        Some(&format!(
            r#"{{"Version":"2012-10-17","Statement":[
            {{"Effect":"Allow","Action":"ecs:RunTask","Resource":"*"}},
            {{"Effect":"Allow","Action":"iam:PassRole","Resource":"{app_role}","Condition":{{"StringEquals":{{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}}}},
            {{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{ACCOUNT}:role/reader"}}]}}"#
        )),
    )
    .await;
    let runner = ecs(&cluster, runner_credentials.clone());
    cases.allowed(
        "RunTask passing the task role its policy allows",
        runner.run_task().task_definition("web").send().await,
    );
    let admin_role = role_with_policy(&cluster, "admin-role", TRUST_ECS_TASKS, None).await;
    let message = cases.refused(
        "RunTask passing another role",
        runner
            .run_task()
            .task_definition("web")
            .overrides(TaskOverride::builder().task_role_arn(&admin_role).build())
            .send()
            .await,
        "AccessDeniedException",
    );
    assert!(
        message.contains(&format!("iam:PassRole on resource: {admin_role}")),
        "{message}"
    );

    // AssumeRole by trust policy, and a session with exactly its role's rights.
    let reader = role_with_policy(
        &cluster,
        "reader",
        &trust_aws(ACCOUNT),
        Some(&allow(r#"["ecs:ListClusters","ecs:Describe*"]"#, r#""*""#)),
    )
    .await;
    cases.refused(
        "AssumeRole of a role trusted through the account, without a policy allowing it",
        sts(&cluster, nobody.clone())
            .assume_role()
            .role_arn(&reader)
            .role_session_name("nobody")
            .send()
            .await,
        "AccessDenied",
    );
    let assumed = cases.allowed(
        "AssumeRole of a role trusted through the account, with a policy allowing it",
        sts(&cluster, runner_credentials.clone())
            .assume_role()
            .role_arn(&reader)
            .role_session_name("runner-reads")
            .send()
            .await,
    );
    let session_credentials = session(assumed.credentials().expect("credentials"));
    let as_reader = ecs(&cluster, session_credentials.clone());
    cases.allowed(
        "the session: ListClusters",
        as_reader.list_clusters().send().await,
    );
    cases.allowed(
        "the session: DescribeClusters",
        as_reader.describe_clusters().send().await,
    );
    let message = cases.refused(
        "the session: RunTask, which its user may do but its role may not",
        as_reader.run_task().task_definition("web").send().await,
        "AccessDeniedException",
    );
    assert!(
        message.starts_with(&format!(
            "User: arn:aws:sts::{ACCOUNT}:assumed-role/reader/runner-reads is not authorized"
        )),
        "{message}"
    );

    // A policy change applies to the next call.
    iam_support::admin_iam(&cluster)
        .put_user_policy()
        .user_name("nobody")
        .policy_name("now")
        .policy_document(allow(r#""ecs:ListClusters""#, r#""*""#))
        .send()
        .await
        .expect("PutUserPolicy");
    cases.allowed(
        "ListClusters once a policy allows it",
        ecs(&cluster, nobody).list_clusters().send().await,
    );

    // Sessions end: once their role is deleted (or made again), or once they expire.
    let admin_iam = iam_support::admin_iam(&cluster);
    admin_iam
        .delete_role_policy()
        .role_name("reader")
        .policy_name("main")
        .send()
        .await
        .expect("DeleteRolePolicy");
    admin_iam
        .delete_role()
        .role_name("reader")
        .send()
        .await
        .expect("DeleteRole");
    cases.refused(
        "the session of a deleted role (ECS)",
        as_reader.list_clusters().send().await,
        "UnrecognizedClientException",
    );
    cases.refused(
        "the session of a deleted role (STS)",
        sts(&cluster, session_credentials.clone())
            .get_caller_identity()
            .send()
            .await,
        "InvalidClientTokenId",
    );
    role_with_policy(
        &cluster,
        "reader",
        &trust_aws(ACCOUNT),
        Some(&allow(r#""ecs:*""#, r#""*""#)),
    )
    .await;
    cases.refused(
        "the session of a deleted role, re-created under its name",
        as_reader.list_clusters().send().await,
        "UnrecognizedClientException",
    );
    let role = admin_iam
        .get_role()
        .role_name("reader")
        .send()
        .await
        .expect("GetRole");
    let role = role.role().expect("a role");
    let expired = mint_session(
        &cluster.server.app.keyring,
        SessionClaims {
            access_key_id: String::new(),
            secret_access_key: String::new(),
            role_name: "reader".into(),
            role_arn: role.arn().to_owned(),
            role_id: role.role_id().to_owned(),
            session_name: "late".into(),
            expires_at: 1_000_000_000,
            task_arn: None,
        },
    );
    let expired = Credentials::new(
        expired.access_key_id,
        expired.secret_access_key,
        Some(expired.session_token),
        None,
        "expired",
    );
    cases.refused(
        "an expired session (ECS)",
        ecs(&cluster, expired.clone()).list_clusters().send().await,
        "ExpiredTokenException",
    );
    cases.refused(
        "an expired session (STS)",
        sts(&cluster, expired).get_caller_identity().send().await,
        "ExpiredToken",
    );

    println!(
        "{} allowed and {} refused cases checked",
        cases.allowed, cases.refused
    );
    assert!(cases.allowed + cases.refused >= 30);
}
