//! `berth bench authz`: what authorizing every call costs.
//!
//! A server on SQLite gets an IAM user with a 20-statement inline policy (mixed actions,
//! ARN patterns, policy variables, conditions of most operator families, Allows and
//! Denies, within IAM's 2,048-character user quota) through the app layer's IAM methods.
//! Then:
//! - authorizations per second through `App::authorize` for that user, for a call the
//!   policy allows (every Deny is tried first), one it explicitly denies, and one no
//!   statement allows (every statement is tried);
//! - DescribeClusters p50/p99 through aws-sdk-ecs for the administrator (who is not
//!   evaluated) and for the user, interleaved in the same run, and their difference.

use std::time::{Duration, Instant};

use berth_api::iam::{CreateAccessKeyRequest, CreateUserRequest, PutUserPolicyRequest};
use berth_server::identity::{Access, Caller, Principal};
use tokio_util::sync::CancellationToken;

use crate::bench::{percentile, sdk_client, sdk_client_with, start_bench_server};

/// The user's policy: 20 statements, 2,038 characters without whitespace.
const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[
{"Effect":"Allow","Action":["ecs:Describe*","ecs:List*"],"Resource":"*"},
{"Effect":"Allow","Action":"ecs:RunTask","Resource":"arn:aws:ecs:*:*:task-definition/web:*","Condition":{"ArnEquals":{"ecs:cluster":"arn:aws:ecs:*:*:cluster/dev"}}},
{"Effect":"Allow","Action":"ecs:StopTask","Resource":"arn:aws:ecs:*:*:task/dev/*"},
{"Effect":"Allow","Action":"ecs:*Service","Resource":"arn:aws:ecs:*:*:service/dev/*"},
{"Effect":"Allow","Action":"ecs:Register*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","env"]}}},
{"Effect":"Allow","Action":"ecs:TagResource","Resource":"*","Condition":{"StringLike":{"aws:RequestTag/team":"web-*"}}},
{"Effect":"Allow","Action":"logs:Put*","Resource":"arn:aws:logs:*:*:log-group:${aws:username}/*"},
{"Effect":"Allow","Action":"ssm:Get*","Resource":"arn:aws:ssm:us-*-1:*:parameter/dev/*"},
{"Effect":"Allow","Action":"secretsmanager:Get*","Resource":"arn:aws:secretsmanager:*:*:secret:dev/*"},
{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/task-*"},
{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"},
{"Effect":"Allow","Action":"elasticloadbalancing:Describe*","Resource":"*"},
{"Effect":"Allow","Action":"ecs:Update*","Resource":"arn:aws:ecs:*:*:container-instance/dev/*"},
{"Effect":"Allow","Action":"ecs:PutAttributes","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}},
{"Effect":"Allow","Action":"ecs:DeleteA*","Resource":"*","Condition":{"NumericLessThan":{"aws:EpochTime":"1900000000"}}},
{"Effect":"Deny","Action":"ecs:DeleteCluster","Resource":"*"},
{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["127.0.0.0/8"]}}},
{"Effect":"Deny","Action":"ecs:*","Resource":"arn:aws:ecs:*:*:*/prod*"},
{"Effect":"Deny","NotAction":["ecs:*","logs:*","ssm:*","iam:*","sts:*"],"Resource":"*"},
{"Effect":"Deny","Action":"ssm:Put*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/role":"admin"}}}
]}"#;

pub async fn authz(measure: Duration, samples: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cancel = CancellationToken::new();
    let (server, _token) = start_bench_server(dir.path(), &cancel).await?;
    let app = server.app.clone();
    let admin = Caller::admin();
    let fail = |e: berth_server::error::Error| anyhow::anyhow!("{e}");
    let user = app
        .create_user(
            &admin,
            CreateUserRequest {
                user_name: "bench".into(),
                ..CreateUserRequest::default()
            },
        )
        .await
        .map_err(fail)?
        .user
        .ok_or_else(|| anyhow::anyhow!("CreateUser returned no user"))?;
    app.put_user_policy(
        &admin,
        PutUserPolicyRequest {
            user_name: "bench".into(),
            policy_name: "twenty-statements".into(),
            policy_document: POLICY.into(),
        },
    )
    .await
    .map_err(fail)?;
    let key = app
        .create_access_key(
            &admin,
            CreateAccessKeyRequest {
                user_name: Some("bench".into()),
            },
        )
        .await
        .map_err(fail)?
        .access_key;
    let caller = Caller {
        principal: Principal::User {
            name: user.user_name.clone(),
            arn: user.arn.clone(),
            user_id: user.user_id.clone(),
            access_key_id: key.access_key_id.clone(),
        },
        source_ip: Some("127.0.0.1".parse()?),
        secure: false,
    };

    println!("authorizations per second through App::authorize (a user, 20 statements):");
    let account = app.config.scope.account.clone();
    let cases = [
        (
            "allowed (RunTask in cluster dev)",
            Access::new(
                "ecs:RunTask",
                format!("arn:aws:ecs:us-east-1:{account}:task-definition/web:3"),
            )
            .with(
                "ecs:cluster",
                format!("arn:aws:ecs:us-east-1:{account}:cluster/dev"),
            ),
            true,
        ),
        (
            "explicitly denied (DeleteCluster)",
            Access::new(
                "ecs:DeleteCluster",
                format!("arn:aws:ecs:us-east-1:{account}:cluster/dev"),
            ),
            false,
        ),
        (
            "implicitly denied (CreateCluster)",
            Access::new(
                "ecs:CreateCluster",
                format!("arn:aws:ecs:us-east-1:{account}:cluster/new"),
            ),
            false,
        ),
    ];
    for (name, access, allowed) in &cases {
        let accesses = std::slice::from_ref(access);
        anyhow::ensure!(
            app.authorize(&caller, accesses).is_ok() == *allowed,
            "{name}: the policy decided otherwise"
        );
        let started = Instant::now();
        let mut count = 0u64;
        while started.elapsed() < measure {
            for _ in 0..256 {
                std::hint::black_box(
                    app.authorize(&caller, std::hint::black_box(accesses))
                        .is_ok(),
                );
            }
            count += 256;
        }
        let rate = count as f64 / started.elapsed().as_secs_f64();
        println!("  {name:<36} {rate:>12.0}/s  ({:.2} µs each)", 1e6 / rate);
    }

    println!("DescribeClusters through aws-sdk-ecs, {samples} calls each, interleaved:");
    let as_admin = sdk_client(&server);
    let as_user = sdk_client_with(&server, &key.access_key_id, &key.secret_access_key);
    // Warm both connections up.
    as_admin.describe_clusters().send().await?;
    as_user.describe_clusters().send().await?;
    let mut admin_times = Vec::with_capacity(samples);
    let mut user_times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let started = Instant::now();
        as_admin
            .describe_clusters()
            .clusters("default")
            .send()
            .await?;
        admin_times.push(started.elapsed());
        let started = Instant::now();
        as_user
            .describe_clusters()
            .clusters("default")
            .send()
            .await?;
        user_times.push(started.elapsed());
    }
    admin_times.sort();
    user_times.sort();
    let show = |d: Duration| format!("{:.0} µs", d.as_secs_f64() * 1e6);
    for (who, times) in [
        ("administrator", &admin_times),
        ("user (evaluated)", &user_times),
    ] {
        println!(
            "  {who:<18} p50 {:>8}  p99 {:>8}",
            show(percentile(times, 50.0)),
            show(percentile(times, 99.0))
        );
    }
    let difference = |p: f64| {
        percentile(&user_times, p).as_secs_f64() - percentile(&admin_times, p).as_secs_f64()
    };
    println!(
        "  difference         p50 {:>+8.0} µs  p99 {:>+8.0} µs",
        difference(50.0) * 1e6,
        difference(99.0) * 1e6
    );
    cancel.cancel();
    server.join().await;
    Ok(())
}
