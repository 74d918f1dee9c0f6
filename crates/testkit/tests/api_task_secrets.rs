//! Secret references in task definitions, checked at RegisterTaskDefinition as ECS does:
//! secrets and registry credentials need an execution role, `valueFrom` must be an SSM
//! parameter (name or ARN) or a Secrets Manager secret ARN (with the optional
//! `:json-key:version-stage:version-id`) of this region and account, and a refused
//! registration stores nothing. RunTask's execution role override is checked too.

use aws_sdk_ecs::error::ProvideErrorMetadata;
use aws_sdk_ecs::types::{ContainerDefinition, RepositoryCredentials, Secret, TaskOverride};
use berth_testkit::{test_image, TestCluster};

const ROLE: &str = "arn:aws:iam::000000000000:role/execution";

fn container(secrets: &[&str]) -> ContainerDefinition {
    let mut builder = ContainerDefinition::builder()
        .name("app")
        .image(test_image())
        .memory(16);
    for (i, value_from) in secrets.iter().enumerate() {
        builder = builder.secrets(
            Secret::builder()
                .name(format!("S{i}"))
                .value_from(*value_from)
                .build()
                .expect("a secret"),
        );
    }
    builder.build()
}

async fn register(
    cluster: &TestCluster,
    family: &str,
    role: Option<&str>,
    container: ContainerDefinition,
) -> Result<String, String> {
    cluster
        .client
        .register_task_definition()
        .family(family)
        .set_execution_role_arn(role.map(str::to_owned))
        .container_definitions(container)
        .send()
        .await
        .map(|out| {
            out.task_definition()
                .and_then(|d| d.task_definition_arn())
                .expect("an ARN")
                .to_owned()
        })
        .map_err(|e| {
            format!(
                "{}: {}",
                e.code().unwrap_or_default(),
                e.message().unwrap_or_default()
            )
        })
}

#[tokio::test]
async fn secret_references_are_checked_at_registration() {
    let cluster = TestCluster::start().await;
    let secret = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf";
    for accepted in [
        "/app/db/password",
        "plain",
        "/app/db/password:3",
        "/app/db/password:prod",
        "arn:aws:ssm:us-east-1:000000000000:parameter/app/db/password",
        secret,
        "arn:aws:secretsmanager:us-east-1:000000000000:secret:db",
        &format!("{secret}:password::"),
        &format!("{secret}::AWSPREVIOUS:"),
        &format!("{secret}:password:AWSCURRENT:00000000-0000-4000-8000-000000000001"),
    ] {
        register(&cluster, "accepted", Some(ROLE), container(&[accepted]))
            .await
            .unwrap_or_else(|e| panic!("{accepted} refused: {e}"));
    }
    let described = cluster
        .client
        .describe_task_definition()
        .task_definition("accepted")
        .send()
        .await
        .expect("DescribeTaskDefinition");
    let shown = described.task_definition().map(|d| {
        d.container_definitions()[0].secrets()[0]
            .value_from()
            .to_owned()
    });
    assert_eq!(
        shown.as_deref(),
        Some("arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf:password:AWSCURRENT:00000000-0000-4000-8000-000000000001"),
        "the reference is shown as registered"
    );

    let refusals = [
        (
            None,
            container(&["/app/db/password"]),
            "you must also specify a value for 'executionRoleArn'",
        ),
        (
            None,
            ContainerDefinition::builder()
                .name("app")
                .image(test_image())
                .memory(16)
                .repository_credentials(
                    RepositoryCredentials::builder()
                        .credentials_parameter(secret)
                        .build()
                        .expect("credentials"),
                )
                .build(),
            "'repositoryCredentials'",
        ),
        (
            Some(ROLE),
            container(&[&format!("{secret}:password")]),
            "json-key:version-stage:version-id",
        ),
        (
            Some(ROLE),
            container(&["arn:aws:s3:::bucket/key"]),
            "neither an SSM parameter nor a Secrets Manager secret",
        ),
        (
            Some(ROLE),
            container(&["arn:aws:ssm:eu-west-1:000000000000:parameter/x"]),
            "another region or account",
        ),
        (
            Some(ROLE),
            container(&["arn:aws:secretsmanager:us-east-1:111111111111:secret:x"]),
            "another region or account",
        ),
        (Some(ROLE), container(&["has spaces"]), "contains ' '"),
        (Some(ROLE), container(&["/app/x:0"]), "cannot exist"),
        (
            Some(ROLE),
            ContainerDefinition::builder()
                .name("app")
                .image(test_image())
                .memory(16)
                .repository_credentials(
                    RepositoryCredentials::builder()
                        .credentials_parameter("arn:aws:ssm:us-east-1:000000000000:parameter/x")
                        .build()
                        .expect("credentials"),
                )
                .build(),
            "is not a Secrets Manager secret",
        ),
        (
            Some("execution"),
            container(&["/app/x"]),
            "Role is not valid",
        ),
        (
            Some("arn:aws:iam::111111111111:role/other"),
            container(&["/app/x"]),
            "Role is not valid",
        ),
    ];
    for (role, definition, expected) in refusals {
        let error = register(&cluster, "refused", role, definition)
            .await
            .expect_err("a refused registration");
        assert!(
            error.starts_with("ClientException: ") && error.contains(expected),
            "{error} should be a ClientException mentioning {expected:?}"
        );
    }
    let families = cluster
        .client
        .list_task_definition_families()
        .send()
        .await
        .expect("ListTaskDefinitionFamilies");
    assert_eq!(
        families.families(),
        ["accepted"],
        "nothing refused was stored"
    );

    let bad_override = cluster
        .client
        .run_task()
        .task_definition("accepted")
        .overrides(
            TaskOverride::builder()
                .execution_role_arn("not-a-role")
                .build(),
        )
        .send()
        .await
        .expect_err("a RunTask with an invalid execution role override");
    assert_eq!(bad_override.code(), Some("InvalidParameterException"));
}
