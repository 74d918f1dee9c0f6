//! Task role credentials, the server's side (`GET /agent/v1/tasks/credentials`), through the
//! agent's own HTTP client: a task with a role gets credentials that work against the ECS
//! and STS APIs with exactly the role's rights; a task of another instance, a stopped task,
//! a task without a role, a role that is missing and roles whose trust policy does not let
//! `ecs-tasks.amazonaws.com` assume them for this task are refused.

mod iam_support;

use std::time::Duration;

use aws_credential_types::Credentials;
use aws_sdk_ecs::types::ContainerDefinition;
use berth_agent::{ClientError, ControlPlane, HttpControlPlane};
use berth_api::protocol::{
    HostResources, RegisterRequest, ReportRequest, ReportedStatus, TaskReport,
};
use berth_testkit::fixtures::register;
use berth_testkit::{test_image, TestCluster};
use iam_support::*;

/// A registered container instance: its ARN and its agent credential.
struct Instance {
    arn: String,
    credential: String,
}

async fn register_instance(agent: &HttpControlPlane, token: &str, hostname: &str) -> Instance {
    let request = RegisterRequest {
        cluster: "default".into(),
        hostname: hostname.into(),
        resources: HostResources {
            cpu: 4096,
            memory_mib: 4096,
            ..HostResources::default()
        },
        attributes: Vec::new(),
        launch_type: "EC2".into(),
        agent_version: "test".into(),
        runtime_version: "test".into(),
    };
    let registered = agent.register(token, &request).await.expect("registered");
    Instance {
        arn: registered.container_instance_arn,
        credential: registered.credential,
    }
}

async fn definition(cluster: &TestCluster, family: &str, role: Option<&str>) -> String {
    let container = ContainerDefinition::builder()
        .name("app")
        .image(test_image())
        .memory(64)
        .build();
    match role {
        None => register(&cluster.client, family, vec![container]).await,
        Some(role) => cluster
            .client
            .register_task_definition()
            .family(family)
            .task_role_arn(role)
            .container_definitions(container)
            .send()
            .await
            .expect("RegisterTaskDefinition")
            .task_definition()
            .and_then(|d| d.task_definition_arn())
            .expect("an ARN")
            .to_owned(),
    }
}

async fn start_on(cluster: &TestCluster, definition: &str, instance: &Instance) -> String {
    berth_testkit::fixtures::start_on(&cluster.client, definition, &instance.arn).await
}

/// A trust policy for ECS tasks under `condition` (a policy `Condition` element).
fn trust_ecs_tasks_if(condition: &str) -> String {
    format!(
        r#"{{"Statement":[{{"Effect":"Allow","Principal":{{"Service":"ecs-tasks.amazonaws.com"}},
            "Action":"sts:AssumeRole","Condition":{condition}}}]}}"#
    )
}

/// The refusal's HTTP status and error kind.
fn refusal(result: Result<berth_api::protocol::TaskCredentials, ClientError>) -> (u16, String) {
    match result {
        Err(ClientError::Rejected { status, error, .. }) => (status, error),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn tasks_get_their_roles_credentials_and_nothing_else() {
    let cluster = TestCluster::start().await;
    let agent = HttpControlPlane::new(&cluster.endpoint()).expect("a client");
    let token = cluster
        .server
        .app
        .create_join_token("default", true)
        .await
        .expect("a join token");
    let a = register_instance(&agent, &token, "host-a").await;
    let b = register_instance(&agent, &token, "host-b").await;

    let app_role = role_with_policy(
        &cluster,
        "app",
        TRUST_ECS_TASKS,
        Some(&allow(r#""ecs:ListClusters""#, r#""*""#)),
    )
    .await;
    // Trusts ECS tasks, but only those of another account, or of another cluster.
    let mut conditional = Vec::new();
    for (name, condition) in [
        (
            "other-account",
            r#"{"StringEquals":{"aws:SourceAccount":"111111111111"}}"#,
        ),
        (
            "other-cluster",
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:*:000000000000:task/prod/*"}}"#,
        ),
        (
            "this-cluster",
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:*:000000000000:task/default/*"}}"#,
        ),
    ] {
        conditional
            .push(role_with_policy(&cluster, name, &trust_ecs_tasks_if(condition), None).await);
    }
    let [other_account, other_cluster, this_cluster] = &conditional[..] else {
        unreachable!("three roles")
    };
    let users_only = role_with_policy(&cluster, "users-only", &trust_aws(ACCOUNT), None).await;

    let with_role = definition(&cluster, "with-role", Some(&app_role)).await;
    let task = start_on(&cluster, &with_role, &a).await;
    let on_b = start_on(&cluster, &with_role, &b).await;

    // The task's credentials work, as the role's session named after the task.
    let credentials = agent
        .task_credentials(&a.credential, &task)
        .await
        .expect("credentials");
    assert_eq!(credentials.role_arn, app_role);
    let lifetime = credentials.expiration
        - std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after the epoch")
            .as_secs() as i64;
    assert!((3 * 3600..=6 * 3600).contains(&lifetime), "{lifetime} s");
    let session = Credentials::new(
        &credentials.access_key_id,
        &credentials.secret_access_key,
        Some(credentials.session_token.clone()),
        None,
        "task",
    );
    let task_id = task.rsplit('/').next().expect("an id");
    let identity = sts(&cluster, session.clone())
        .get_caller_identity()
        .send()
        .await
        .expect("GetCallerIdentity");
    assert_eq!(
        identity.arn(),
        Some(format!("arn:aws:sts::{ACCOUNT}:assumed-role/app/{task_id}").as_str())
    );
    let task_ecs = ecs(&cluster, session.clone());
    task_ecs
        .list_clusters()
        .send()
        .await
        .expect("the role allows ListClusters");
    let refused = task_ecs
        .list_tasks()
        .send()
        .await
        .expect_err("the role does not allow ListTasks");
    assert_eq!(code(&refused), "AccessDeniedException");

    // A task of another instance.
    let (status, error) = refusal(agent.task_credentials(&a.credential, &on_b).await);
    assert_eq!((status, error.as_str()), (403, "forbidden"));
    // A task without a role.
    let without = start_on(&cluster, &definition(&cluster, "no-role", None).await, &a).await;
    let (status, error) = refusal(agent.task_credentials(&a.credential, &without).await);
    assert_eq!((status, error.as_str()), (404, "not_found"));
    // Roles that do not trust ecs-tasks for this task.
    for role in [&users_only, other_account, other_cluster] {
        let family = role.rsplit('/').next().expect("a name");
        let task = start_on(
            &cluster,
            &definition(&cluster, family, Some(role)).await,
            &a,
        )
        .await;
        let (status, error) = refusal(agent.task_credentials(&a.credential, &task).await);
        assert_eq!((status, error.as_str()), (403, "forbidden"), "{role}");
    }
    let scoped = start_on(
        &cluster,
        &definition(&cluster, "scoped", Some(this_cluster)).await,
        &a,
    )
    .await;
    agent
        .task_credentials(&a.credential, &scoped)
        .await
        .expect("aws:SourceArn is the task's ARN in cluster default");
    // A role that does not exist.
    let ghost = format!("arn:aws:iam::{ACCOUNT}:role/ghost");
    let haunted = start_on(
        &cluster,
        &definition(&cluster, "ghost", Some(&ghost)).await,
        &a,
    )
    .await;
    let (status, error) = refusal(agent.task_credentials(&a.credential, &haunted).await);
    assert_eq!((status, error.as_str()), (404, "not_found"));
    // An unknown credential.
    assert!(matches!(
        agent.task_credentials("not-a-credential", &task).await,
        Err(ClientError::Unauthorized(_))
    ));

    // A stopped task gets no more credentials.
    let stopped = TaskReport {
        task_arn: task.clone(),
        last_status: ReportedStatus::Stopped,
        containers: Vec::new(),
        stop_code: Some("EssentialContainerExited".into()),
        stopped_reason: Some("test".into()),
        pull_started_at: None,
        pull_stopped_at: None,
        started_at: None,
        stopping_at: None,
        execution_stopped_at: None,
        health_status: None,
    };
    agent
        .report(
            &a.credential,
            &ReportRequest {
                generation: 0,
                tasks: vec![stopped],
            },
        )
        .await
        .expect("reported");
    berth_testkit::wait_for("the task to be STOPPED", Duration::from_secs(10), || {
        let client = cluster.client.clone();
        let task = task.clone();
        async move {
            let out = client.describe_tasks().tasks(task).send().await.ok()?;
            (out.tasks()[0].last_status() == Some("STOPPED")).then_some(())
        }
    })
    .await;
    let (status, error) = refusal(agent.task_credentials(&a.credential, &task).await);
    assert_eq!((status, error.as_str()), (403, "forbidden"));

    // Deleting the role ends every session of it, the task's included.
    let admin = admin_iam(&cluster);
    admin
        .delete_role_policy()
        .role_name("app")
        .policy_name("main")
        .send()
        .await
        .expect("DeleteRolePolicy");
    admin
        .delete_role()
        .role_name("app")
        .send()
        .await
        .expect("DeleteRole");
    let refused = sts(&cluster, session)
        .get_caller_identity()
        .send()
        .await
        .expect_err("the role is gone");
    assert_eq!(code(&refused), "InvalidClientTokenId");
}
