//! The ELBv2 API through the stock clients and raw requests:
//!
//! - the issue's `aws elbv2` session with the aws CLI v1 (endpoint from
//!   `AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2`, as `DIR/env` exports it) and v2
//!   (`/usr/bin/aws`, which predates that variable, with `--endpoint-url`);
//! - botocore's waiters, unchanged: `load-balancer-available`, `load-balancer-exists`,
//!   `load-balancers-deleted`, `target-in-service` and `target-deregistered`, through the
//!   CLI (which waits 15 s between attempts, so it is only run where the first answer
//!   decides) and boto3 (with a 1 s delay, where the waiter must keep waiting). With no data
//!   plane in these tests, the load balancer's `active` state and the targets' health are
//!   recorded through the functions the data plane calls;
//! - malformed form bodies, unknown actions and parameters, oversized bodies, invalid rule
//!   priorities and callers without permission, each answered with ELBv2's XML error and
//!   changing nothing;
//! - one valid request of every action (a table that must cover the operation table): each
//!   needs `elasticloadbalancing:ACTION` on its own resource (with that resource's tags) and
//!   is refused to a caller no policy allows; each that names a resource answers ELBv2's
//!   not-found exception for a missing one and `ValidationError` for a malformed ARN.

mod api_support;
mod iam_support;

use std::process::Output;

use api_support::{admin_signer, post_signed, Signer};
use berth_api::elbv2::{LoadBalancerStateEnum, TargetHealthStateEnum};
use berth_server::app::elbv2::records::ObservedTargetHealth;
use berth_testkit::TestCluster;
use serde_json::Value;

/// Which aws CLI runs a command.
#[derive(Debug, Clone, Copy)]
enum Cli {
    /// PyPI's v1 on PATH: takes the endpoint from the environment.
    V1,
    /// Debian's v2 at /usr/bin/aws: needs `--endpoint-url`.
    V2,
}

/// Runs `aws elbv2 ARGS…` against the cluster, isolated from `~/.aws`.
async fn aws(cluster: &TestCluster, cli: Cli, args: &[&str]) -> Output {
    let (program, endpoint_args) = match cli {
        Cli::V1 => ("aws", Vec::new()),
        Cli::V2 => (
            "/usr/bin/aws",
            vec!["--endpoint-url".to_owned(), cluster.endpoint()],
        ),
    };
    api_support::aws_cli(cluster, program)
        .arg("elbv2")
        .args(args)
        .args(endpoint_args)
        .args(["--output", "json"])
        .env(
            "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2",
            cluster.endpoint(),
        )
        .output()
        .await
        .unwrap_or_else(|e| panic!("running {program}: {e}"))
}

/// Runs an aws command that must succeed, and returns its JSON output.
async fn aws_json(cluster: &TestCluster, cli: Cli, args: &[&str]) -> Value {
    let output = aws(cluster, cli, args).await;
    assert!(
        output.status.success(),
        "aws {cli:?} elbv2 {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    if output.stdout.iter().all(u8::is_ascii_whitespace) {
        return Value::Null;
    }
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "aws {args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// Runs a boto3 ELBv2 waiter with a 1 s delay and at most `attempts` attempts; true when
/// it succeeded, false when it gave up.
async fn boto3_wait(cluster: &TestCluster, waiter: &str, attempts: u32, args: Value) -> bool {
    let own = &cluster.server.credentials;
    let script = r#"
import json, sys, boto3, botocore.exceptions
endpoint, key, secret, region, waiter, attempts, args = sys.argv[1:8]
client = boto3.client("elbv2", endpoint_url=endpoint, aws_access_key_id=key,
                      aws_secret_access_key=secret, region_name=region)
try:
    client.get_waiter(waiter).wait(WaiterConfig={"Delay": 1, "MaxAttempts": int(attempts)},
                                   **json.loads(args))
except botocore.exceptions.WaiterError as e:
    print("gave up:", e)
    sys.exit(3)
"#;
    let output = tokio::process::Command::new("python3")
        .args(["-c", script])
        .arg(cluster.endpoint())
        .arg(&own.access_key_id)
        .arg(&own.secret_access_key)
        .arg(&cluster.server.app.config.scope.region)
        .arg(waiter)
        .arg(attempts.to_string())
        .arg(args.to_string())
        .env("AWS_CONFIG_FILE", "/nonexistent/berth-test-config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/berth-test-credentials",
        )
        .output()
        .await
        .expect("running python3");
    match output.status.code() {
        Some(0) => true,
        Some(3) => false,
        _ => panic!(
            "the boto3 waiter {waiter} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} missing in {value}"))
}

/// `aws elbv2 create-target-group` for an HTTP group of ip targets; its ARN.
async fn ip_group(cluster: &TestCluster, cli: Cli, name: &str) -> String {
    let args = [
        "create-target-group",
        "--name",
        name,
        "--protocol",
        "HTTP",
        "--port",
        "80",
        "--target-type",
        "ip",
    ];
    let group = aws_json(cluster, cli, &args).await;
    text(&group, "/TargetGroups/0/TargetGroupArn").to_owned()
}

/// `aws elbv2 create-listener` for HTTP on `port`, forwarding to `target_group`; its ARN.
async fn http_listener(
    cluster: &TestCluster,
    cli: Cli,
    load_balancer: &str,
    port: &str,
    target_group: &str,
) -> String {
    let action = format!("Type=forward,TargetGroupArn={target_group}");
    let args = [
        "create-listener",
        "--load-balancer-arn",
        load_balancer,
        "--protocol",
        "HTTP",
        "--port",
        port,
        "--default-actions",
        &action,
    ];
    let listener = aws_json(cluster, cli, &args).await;
    text(&listener, "/Listeners/0/ListenerArn").to_owned()
}

/// The issue's session, with each CLI: load balancer, target group, listener, rule, and
/// the target group then serving the load balancer.
async fn session(cluster: &TestCluster, cli: Cli, suffix: &str, port: &str) {
    let name = format!("web-{suffix}");
    let lb = aws_json(
        cluster,
        cli,
        &[
            "create-load-balancer",
            "--name",
            &name,
            "--type",
            "application",
        ],
    )
    .await;
    let lb_arn = text(&lb, "/LoadBalancers/0/LoadBalancerArn").to_owned();
    assert_eq!(text(&lb, "/LoadBalancers/0/State/Code"), "provisioning");
    assert_eq!(text(&lb, "/LoadBalancers/0/DNSName"), "127.0.0.1");
    let tg = aws_json(
        cluster,
        cli,
        &[
            "create-target-group",
            "--name",
            &name,
            "--protocol",
            "HTTP",
            "--port",
            "80",
            "--target-type",
            "instance",
            "--health-check-path",
            "/health",
            "--healthy-threshold-count",
            "2",
            "--health-check-interval-seconds",
            "5",
        ],
    )
    .await;
    let tg_arn = text(&tg, "/TargetGroups/0/TargetGroupArn").to_owned();
    assert_eq!(text(&tg, "/TargetGroups/0/HealthCheckPath"), "/health");
    let api_arn = ip_group(cluster, cli, &format!("api-{suffix}")).await;
    let listener_arn = http_listener(cluster, cli, &lb_arn, port, &tg_arn).await;
    let forward_to_api = format!("Type=forward,TargetGroupArn={api_arn}");
    let create_rule = |path: &'static str| {
        [
            "create-rule",
            "--listener-arn",
            &listener_arn,
            "--priority",
            "10",
            "--conditions",
            path,
            "--actions",
            &forward_to_api,
        ]
    };
    let rule = aws_json(
        cluster,
        cli,
        &create_rule("Field=path-pattern,Values=/api/*"),
    )
    .await;
    assert_eq!(text(&rule, "/Rules/0/Priority"), "10");
    assert_eq!(text(&rule, "/Rules/0/Conditions/0/Values/0"), "/api/*");
    let groups = aws_json(
        cluster,
        cli,
        &[
            "describe-target-groups",
            "--target-group-arns",
            &tg_arn,
            &api_arn,
        ],
    )
    .await;
    for group in groups["TargetGroups"].as_array().expect("target groups") {
        assert_eq!(
            group["LoadBalancerArns"],
            serde_json::json!([lb_arn]),
            "{group}"
        );
    }
    let rules = aws_json(
        cluster,
        cli,
        &["describe-rules", "--listener-arn", &listener_arn],
    )
    .await;
    let priorities: Vec<&str> = rules["Rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["Priority"].as_str())
        .collect();
    assert_eq!(priorities, ["10", "default"]);
    let registered = aws_json(
        cluster,
        cli,
        &[
            "register-targets",
            "--target-group-arn",
            &api_arn,
            "--targets",
            "Id=10.0.0.7,Port=8080",
        ],
    )
    .await;
    assert_eq!(
        registered,
        Value::Null,
        "RegisterTargets has an empty answer"
    );
    let health = aws_json(
        cluster,
        cli,
        &["describe-target-health", "--target-group-arn", &api_arn],
    )
    .await;
    assert_eq!(
        text(&health, "/TargetHealthDescriptions/0/TargetHealth/State"),
        "initial"
    );
    // A CLI error is ELBv2's.
    let duplicate = aws(
        cluster,
        cli,
        &create_rule("Field=path-pattern,Values=/other"),
    )
    .await;
    assert!(!duplicate.status.success());
    let stderr = String::from_utf8_lossy(&duplicate.stderr);
    assert!(stderr.contains("PriorityInUse"), "{stderr}");
}

#[tokio::test]
async fn the_issue_session_runs_with_the_aws_cli_v1_and_v2() {
    let cluster = TestCluster::start().await;
    session(&cluster, Cli::V1, "v1", "8080").await;
    session(&cluster, Cli::V2, "v2", "8081").await;
}

#[tokio::test]
async fn botocore_waiters_work_unchanged() {
    let cluster = TestCluster::start().await;
    let app = cluster.server.app.clone();
    let lb = aws_json(
        &cluster,
        Cli::V1,
        &["create-load-balancer", "--name", "web"],
    )
    .await;
    let lb_arn = text(&lb, "/LoadBalancers/0/LoadBalancerArn").to_owned();
    let arns = serde_json::json!({ "LoadBalancerArns": [lb_arn] });

    // load-balancer-exists succeeds at once; load-balancer-available keeps waiting while
    // the load balancer is provisioning.
    aws_json(
        &cluster,
        Cli::V1,
        &["wait", "load-balancer-exists", "--names", "web"],
    )
    .await;
    assert!(
        !boto3_wait(&cluster, "load_balancer_available", 2, arns.clone()).await,
        "a provisioning load balancer is not available"
    );
    app.elbv2_record_load_balancer_state(&lb_arn, LoadBalancerStateEnum::Active, None)
        .await
        .unwrap();
    aws_json(
        &cluster,
        Cli::V1,
        &[
            "wait",
            "load-balancer-available",
            "--load-balancer-arns",
            &lb_arn,
        ],
    )
    .await;
    aws_json(
        &cluster,
        Cli::V2,
        &["wait", "load-balancer-available", "--names", "web"],
    )
    .await;

    // target-in-service waits for every target to be healthy.
    let tg_arn = ip_group(&cluster, Cli::V1, "web").await;
    http_listener(&cluster, Cli::V1, &lb_arn, "8080", &tg_arn).await;
    aws_json(
        &cluster,
        Cli::V1,
        &[
            "modify-target-group-attributes",
            "--target-group-arn",
            &tg_arn,
            "--attributes",
            "Key=deregistration_delay.timeout_seconds,Value=2",
        ],
    )
    .await;
    aws_json(
        &cluster,
        Cli::V1,
        &[
            "register-targets",
            "--target-group-arn",
            &tg_arn,
            "--targets",
            "Id=10.0.0.5,Port=8080",
        ],
    )
    .await;
    let group = serde_json::json!({ "TargetGroupArn": tg_arn });
    assert!(
        !boto3_wait(&cluster, "target_in_service", 2, group.clone()).await,
        "a target whose health is not known yet is not in service"
    );
    let registration = app.elbv2_configuration().target_groups[0].targets[0]
        .registration
        .clone();
    app.elbv2_record_target_health(
        &tg_arn,
        &[ObservedTargetHealth {
            id: "10.0.0.5".into(),
            port: 8080,
            registration,
            state: TargetHealthStateEnum::Healthy,
            reason: None,
            description: None,
            observed_at: 0.0,
        }],
    )
    .await
    .unwrap();
    aws_json(
        &cluster,
        Cli::V2,
        &["wait", "target-in-service", "--target-group-arn", &tg_arn],
    )
    .await;

    // target-deregistered: at once for a target never registered; after the delay for
    // one that drains.
    aws_json(
        &cluster,
        Cli::V1,
        &[
            "wait",
            "target-deregistered",
            "--target-group-arn",
            &tg_arn,
            "--targets",
            "Id=10.0.0.6,Port=8080",
        ],
    )
    .await;
    aws_json(
        &cluster,
        Cli::V1,
        &[
            "deregister-targets",
            "--target-group-arn",
            &tg_arn,
            "--targets",
            "Id=10.0.0.5,Port=8080",
        ],
    )
    .await;
    let target = serde_json::json!({
        "TargetGroupArn": tg_arn,
        "Targets": [{"Id": "10.0.0.5", "Port": 8080}],
    });
    assert!(
        boto3_wait(&cluster, "target_deregistered", 10, target).await,
        "a drained target is deregistered"
    );

    // load-balancers-deleted keeps waiting while the load balancer is active.
    assert!(!boto3_wait(&cluster, "load_balancers_deleted", 2, arns.clone()).await);
    aws_json(
        &cluster,
        Cli::V1,
        &["delete-load-balancer", "--load-balancer-arn", &lb_arn],
    )
    .await;
    aws_json(
        &cluster,
        Cli::V2,
        &[
            "wait",
            "load-balancers-deleted",
            "--load-balancer-arns",
            &lb_arn,
        ],
    )
    .await;
}

/// A raw ELBv2 answer: status and XML body.
struct Reply {
    status: u16,
    body: String,
}

impl Reply {
    /// The `<Code>` of an error document.
    fn code(&self) -> &str {
        between(&self.body, "<Code>", "</Code>").unwrap_or("<no Code>")
    }

    fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.code(), code, "{}", self.body);
        assert_eq!(self.status, status, "{}", self.body);
        assert!(
            self.body.starts_with("<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"),
            "{}",
            self.body
        );
        assert!(between(&self.body, "<RequestId>", "</RequestId>").is_some());
        assert!(between(&self.body, "<Message>", "</Message>").is_some_and(|m| !m.is_empty()));
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

/// POSTs a form body signed for `elasticloadbalancing` with `signer` (unsigned when
/// `None`).
async fn send(cluster: &TestCluster, body: Vec<u8>, signer: Option<Signer>) -> Reply {
    let headers = [(
        "content-type",
        "application/x-www-form-urlencoded; charset=utf-8",
    )];
    let reply = post_signed(cluster, "elasticloadbalancing", &headers, body, signer).await;
    Reply {
        status: reply.status,
        body: String::from_utf8(reply.body).expect("an XML answer"),
    }
}

async fn call(cluster: &TestCluster, body: &str) -> Reply {
    send(
        cluster,
        body.as_bytes().to_vec(),
        Some(admin_signer(cluster)),
    )
    .await
}

#[tokio::test]
async fn bad_requests_get_elbv2_errors_and_change_nothing() {
    let cluster = TestCluster::start().await;
    let app = cluster.server.app.clone();
    const V: &str = "Version=2015-12-01";
    // A listener with a default rule, for the priority checks.
    let lb = call(&cluster, &format!("Action=CreateLoadBalancer&{V}&Name=web")).await;
    assert_eq!(lb.status, 200, "{}", lb.body);
    assert!(lb.body.starts_with("<CreateLoadBalancerResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><CreateLoadBalancerResult>"), "{}", lb.body);
    let lb_arn = between(&lb.body, "<LoadBalancerArn>", "</LoadBalancerArn>")
        .unwrap()
        .to_owned();
    let tg = call(
        &cluster,
        &format!("Action=CreateTargetGroup&{V}&Name=web&Protocol=HTTP&Port=80&TargetType=ip"),
    )
    .await;
    let tg_arn = between(&tg.body, "<TargetGroupArn>", "</TargetGroupArn>")
        .unwrap()
        .to_owned();
    let listener = call(
        &cluster,
        &format!(
            "Action=CreateListener&{V}&LoadBalancerArn={}&Protocol=HTTP&Port=8080&DefaultActions.member.1.Type=forward&DefaultActions.member.1.TargetGroupArn={}",
            urlencode(&lb_arn),
            urlencode(&tg_arn)
        ),
    )
    .await;
    assert_eq!(listener.status, 200, "{}", listener.body);
    let listener_arn = between(&listener.body, "<ListenerArn>", "</ListenerArn>")
        .unwrap()
        .to_owned();
    let before = app.elbv2_configuration();

    let create_rule = |priority: &str| {
        format!(
            "Action=CreateRule&{V}&ListenerArn={}&Priority={priority}&Conditions.member.1.Field=path-pattern&Conditions.member.1.Values.member.1=%2Fx&Actions.member.1.Type=forward&Actions.member.1.TargetGroupArn={}",
            urlencode(&listener_arn),
            urlencode(&tg_arn)
        )
    };
    let cases: Vec<(String, u16, &str)> = vec![
        (format!("Action=Frobnicate&{V}"), 400, "InvalidAction"),
        ("Action=DescribeLoadBalancers".into(), 400, "ValidationError"),
        ("Action=DescribeLoadBalancers&Version=2012-06-01".into(), 400, "ValidationError"),
        (format!("{V}&Name=x"), 400, "ValidationError"),
        (format!("Action=CreateLoadBalancer&{V}&Name=%FF%FE"), 400, "ValidationError"),
        (format!("Action=CreateLoadBalancer&{V}&Name=a&Name=b"), 400, "ValidationError"),
        (format!("Action=CreateLoadBalancer&{V}&Name=a&Bogus=1"), 400, "ValidationError"),
        (format!("Action=CreateLoadBalancer&{V}"), 400, "ValidationError"),
        (format!("Action=CreateLoadBalancer&{V}&Name=a&Type=bogus"), 400, "ValidationError"),
        (format!("Action=CreateLoadBalancer&{V}&Name=a&Tags.member.2.Key=k"), 400, "ValidationError"),
        (format!("Action=CreateLoadBalancer&{V}&Name=a&Tags.member.0.Key=k"), 400, "ValidationError"),
        (create_rule("0"), 400, "ValidationError"),
        (create_rule("50001"), 400, "ValidationError"),
        (create_rule("ten"), 400, "ValidationError"),
        (create_rule("-1"), 400, "ValidationError"),
        (
            format!(
                "Action=SetRulePriorities&{V}&RulePriorities.member.1.RuleArn=x&RulePriorities.member.1.Priority=0"
            ),
            400,
            "ValidationError",
        ),
    ];
    for (body, status, code) in &cases {
        call(&cluster, body).await.assert_error(*status, code);
    }
    // Larger than the API's body limit.
    let mut huge =
        format!("Action=CreateLoadBalancer&{V}&Name=a&Tags.member.1.Value=").into_bytes();
    huge.resize(1024 * 1024 + 1, b'x');
    let reply = send(&cluster, huge, Some(admin_signer(&cluster))).await;
    assert_eq!(reply.status, 413, "{}", reply.body);
    assert!(reply.body.contains("<ErrorResponse"), "{}", reply.body);

    let after = app.elbv2_configuration();
    assert_eq!(after.generation, before.generation, "nothing was written");
    assert_eq!(after.load_balancers, before.load_balancers);
    assert_eq!(after.target_groups, before.target_groups);
    let rules = call(
        &cluster,
        &format!(
            "Action=DescribeRules&{V}&ListenerArn={}",
            urlencode(&listener_arn)
        ),
    )
    .await;
    assert_eq!(
        rules.body.matches("<member><RuleArn>").count(),
        1,
        "{}",
        rules.body
    );
}

/// Form-encodes a value: everything but letters and digits as `%XX`.
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Temporary credentials of a role session, which no policy allows anything yet: role
/// `reader` made through IAM and assumed through STS by the administrator.
async fn session_credentials(cluster: &TestCluster) -> Signer {
    let role = iam_support::role_with_policy(
        cluster,
        "reader",
        &iam_support::trust_aws(iam_support::ACCOUNT),
        None,
    )
    .await;
    let credentials = iam_support::sts(cluster, cluster.admin_credentials())
        .assume_role()
        .role_arn(role)
        .role_session_name("test")
        .send()
        .await
        .expect("AssumeRole")
        .credentials
        .expect("credentials");
    (
        credentials.access_key_id().to_owned(),
        credentials.secret_access_key().to_owned(),
        Some(credentials.session_token().to_owned()),
    )
}

#[tokio::test]
async fn callers_without_permission_are_denied_and_change_nothing() {
    let cluster = TestCluster::start().await;
    let body = "Action=CreateLoadBalancer&Version=2015-12-01&Name=web";
    // Unsigned, and signed with an unknown key.
    send(&cluster, body.as_bytes().to_vec(), None)
        .await
        .assert_error(403, "MissingAuthenticationToken");
    send(
        &cluster,
        body.as_bytes().to_vec(),
        Some(("AKIAUNKNOWN0000000000".into(), "secret".into(), None)),
    )
    .await
    .assert_error(403, "InvalidClientTokenId");
    // A role session: no policy allows it anything yet.
    let denied = send(
        &cluster,
        body.as_bytes().to_vec(),
        Some(session_credentials(&cluster).await),
    )
    .await;
    denied.assert_error(403, "AccessDenied");
    assert!(
        denied
            .body
            .contains("elasticloadbalancing:CreateLoadBalancer")
            && denied.body.contains(
                "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/*"
            ),
        "{}",
        denied.body
    );
    let listed = call(&cluster, "Action=DescribeLoadBalancers&Version=2015-12-01").await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    assert!(
        !listed.body.contains("<LoadBalancerName>"),
        "{}",
        listed.body
    );
}

/// A load balancer tagged `team=web` with an HTTP listener on 8080 forwarding to a group of
/// ip targets (one registered), and a rule of priority 5: their ARNs.
#[derive(Clone)]
struct Fixture {
    load_balancer: String,
    target_group: String,
    listener: String,
    rule: String,
}

async fn fixture(cluster: &TestCluster) -> Fixture {
    const V: &str = "Version=2015-12-01";
    let ok = |reply: Reply, member: &str| {
        assert_eq!(reply.status, 200, "{}", reply.body);
        between(&reply.body, &format!("<{member}>"), &format!("</{member}>"))
            .unwrap_or_else(|| panic!("no {member} in {}", reply.body))
            .to_owned()
    };
    let load_balancer = ok(
        call(
            cluster,
            &format!("Action=CreateLoadBalancer&{V}&Name=web&Tags.member.1.Key=team&Tags.member.1.Value=web"),
        )
        .await,
        "LoadBalancerArn",
    );
    let target_group = ok(
        call(
            cluster,
            &format!("Action=CreateTargetGroup&{V}&Name=web&Protocol=HTTP&Port=80&TargetType=ip"),
        )
        .await,
        "TargetGroupArn",
    );
    let listener = ok(
        call(
            cluster,
            &format!(
                "Action=CreateListener&{V}&LoadBalancerArn={}&Protocol=HTTP&Port=8080&DefaultActions.member.1.Type=forward&DefaultActions.member.1.TargetGroupArn={}",
                urlencode(&load_balancer),
                urlencode(&target_group)
            ),
        )
        .await,
        "ListenerArn",
    );
    let rule = ok(
        call(
            cluster,
            &format!(
                "Action=CreateRule&{V}&ListenerArn={}&Priority=5&Conditions.member.1.Field=path-pattern&Conditions.member.1.Values.member.1=%2Fapi&Actions.member.1.Type=forward&Actions.member.1.TargetGroupArn={}",
                urlencode(&listener),
                urlencode(&target_group)
            ),
        )
        .await,
        "RuleArn",
    );
    let registered = call(
        cluster,
        &format!(
            "Action=RegisterTargets&{V}&TargetGroupArn={}&Targets.member.1.Id=10.0.0.1&Targets.member.1.Port=80",
            urlencode(&target_group)
        ),
    )
    .await;
    assert_eq!(registered.status, 200, "{}", registered.body);
    Fixture {
        load_balancer,
        target_group,
        listener,
        rule,
    }
}

/// The body of a request of `action` with `params` (form-encoded, possibly empty).
fn body(action: &str, params: &str) -> String {
    let mut body = format!("Action={action}&Version=2015-12-01");
    if !params.is_empty() {
        body.push('&');
        body.push_str(params);
    }
    body
}

/// One request of every ELBv2 action, each valid and acting on `f`'s resources: the
/// action, its parameters, and the resource its first permission is checked on. The
/// deletions come last, in an order in which each succeeds.
fn one_call_of_each_action(f: &Fixture) -> Vec<(&'static str, String, String)> {
    let (lb, tg, listener, rule) = (
        urlencode(&f.load_balancer),
        urlencode(&f.target_group),
        urlencode(&f.listener),
        urlencode(&f.rule),
    );
    let forward = format!("Type=forward&Actions.member.1.TargetGroupArn={tg}");
    let path = "Conditions.member.1.Field=path-pattern&Conditions.member.1.Values.member.1=%2Fx";
    let target = "Targets.member.1.Id=10.0.0.1&Targets.member.1.Port=80";
    let prefix = "arn:aws:elasticloadbalancing:us-east-1:000000000000:";
    let any = "*".to_owned();
    vec![
        ("CreateLoadBalancer", "Name=api".into(), format!("{prefix}loadbalancer/app/api/*")),
        ("DescribeLoadBalancers", String::new(), any.clone()),
        ("DescribeLoadBalancerAttributes", format!("LoadBalancerArn={lb}"), any.clone()),
        (
            "ModifyLoadBalancerAttributes",
            format!("LoadBalancerArn={lb}&Attributes.member.1.Key=idle_timeout.timeout_seconds&Attributes.member.1.Value=30"),
            f.load_balancer.clone(),
        ),
        (
            "CreateTargetGroup",
            "Name=api&Protocol=HTTP&Port=80&TargetType=ip".into(),
            format!("{prefix}targetgroup/api/*"),
        ),
        ("DescribeTargetGroups", String::new(), any.clone()),
        ("ModifyTargetGroup", format!("TargetGroupArn={tg}&HealthCheckPath=%2Fx"), f.target_group.clone()),
        ("DescribeTargetGroupAttributes", format!("TargetGroupArn={tg}"), any.clone()),
        (
            "ModifyTargetGroupAttributes",
            format!("TargetGroupArn={tg}&Attributes.member.1.Key=deregistration_delay.timeout_seconds&Attributes.member.1.Value=5"),
            f.target_group.clone(),
        ),
        (
            "CreateListener",
            format!("LoadBalancerArn={lb}&Protocol=HTTP&Port=9090&DefaultActions.member.1.Type=forward&DefaultActions.member.1.TargetGroupArn={tg}"),
            f.load_balancer.clone(),
        ),
        ("DescribeListeners", format!("LoadBalancerArn={lb}"), any.clone()),
        ("ModifyListener", format!("ListenerArn={listener}&Port=9091"), f.listener.clone()),
        (
            "CreateRule",
            format!("ListenerArn={listener}&Priority=7&{path}&Actions.member.1.{forward}"),
            f.listener.clone(),
        ),
        ("DescribeRules", format!("ListenerArn={listener}"), any.clone()),
        ("ModifyRule", format!("RuleArn={rule}&{path}"), f.rule.clone()),
        (
            "SetRulePriorities",
            format!("RulePriorities.member.1.RuleArn={rule}&RulePriorities.member.1.Priority=8"),
            f.rule.clone(),
        ),
        ("RegisterTargets", format!("TargetGroupArn={tg}&Targets.member.1.Id=10.0.0.2"), f.target_group.clone()),
        ("DeregisterTargets", format!("TargetGroupArn={tg}&{target}"), f.target_group.clone()),
        ("DescribeTargetHealth", format!("TargetGroupArn={tg}"), any.clone()),
        (
            "AddTags",
            format!("ResourceArns.member.1={lb}&Tags.member.1.Key=owner&Tags.member.1.Value=ops"),
            f.load_balancer.clone(),
        ),
        ("RemoveTags", format!("ResourceArns.member.1={lb}&TagKeys.member.1=team"), f.load_balancer.clone()),
        ("DescribeTags", format!("ResourceArns.member.1={lb}"), any),
        ("DeleteRule", format!("RuleArn={rule}"), f.rule.clone()),
        ("DeleteListener", format!("ListenerArn={listener}"), f.listener.clone()),
        ("DeleteLoadBalancer", format!("LoadBalancerArn={lb}"), f.load_balancer.clone()),
        ("DeleteTargetGroup", format!("TargetGroupArn={tg}"), f.target_group.clone()),
    ]
}

/// Every action checks its own permission on the resource it acts on, before doing
/// anything: a caller no policy allows is refused each one, told which action on which
/// resource, and nothing changes.
#[tokio::test]
async fn every_action_needs_permission_on_its_resource() {
    use berth_server::apis::{elbv2::Elbv2Command, query, Api};
    let cluster = TestCluster::start().await;
    let app = cluster.server.app.clone();
    let f = fixture(&cluster).await;
    let calls = one_call_of_each_action(&f);
    let mut covered: Vec<&str> = calls.iter().map(|(action, ..)| *action).collect();
    let mut served = berth_server::apis::elbv2::ELBV2_OPERATIONS.to_vec();
    covered.sort();
    served.sort();
    assert_eq!(covered, served, "one call of each action the API serves");

    let before = app.elbv2_configuration();
    let session = Some(session_credentials(&cluster).await);
    for (action, params, resource) in &calls {
        let body = body(action, params);
        // What the call needs: the action on the resource, with the resource's tags.
        let request = query::decode(Api::Elbv2, body.as_bytes()).unwrap();
        let command = Elbv2Command::parse(&request.action, &request.params)
            .unwrap_or_else(|e| panic!("{action}: {e}"));
        let accesses = command.access(&app);
        let needed = &accesses[0];
        assert_eq!(needed.action, format!("elasticloadbalancing:{action}"));
        assert_eq!(&needed.resource, resource, "{action}");
        if *resource == f.load_balancer {
            assert!(
                needed
                    .context
                    .contains(&("elasticloadbalancing:ResourceTag/team".into(), "web".into())),
                "{action} carries the load balancer's tags: {:?}",
                needed.context
            );
        }
        // On the wire: refused, naming the action and the resource.
        let denied = send(&cluster, body.into_bytes(), session.clone()).await;
        denied.assert_error(403, "AccessDenied");
        let message = between(&denied.body, "<Message>", "</Message>").unwrap();
        assert!(
            message.contains(&format!(
                "not authorized to perform: elasticloadbalancing:{action} on resource: {resource} "
            )),
            "{message}"
        );
    }
    let after = app.elbv2_configuration();
    assert_eq!(after.generation, before.generation, "nothing was written");
    assert_eq!(after.load_balancers, before.load_balancers);
    assert_eq!(after.target_groups, before.target_groups);

    // The same calls from the administrator succeed: the bodies are valid, so the
    // denials were about permission only.
    for (action, params, _) in &calls {
        let reply = call(&cluster, &body(action, params)).await;
        assert_eq!(reply.status, 200, "{action}: {}", reply.body);
    }
    let left = app.elbv2_configuration();
    let names = |lbs: Vec<String>, tgs: Vec<String>| (lbs, tgs);
    assert_eq!(
        names(
            left.load_balancers
                .iter()
                .map(|lb| lb.load_balancer.name.clone())
                .collect(),
            left.target_groups
                .iter()
                .map(|tg| tg.target_group.name.clone())
                .collect(),
        ),
        (vec!["api".to_owned()], vec!["api".to_owned()]),
        "the fixture was deleted and the created resources remain"
    );
}

/// Every action that names a resource answers ELBv2's not-found exception for an ARN of the
/// right kind that names nothing here, and `ValidationError` for one that is not an ARN of
/// that kind; neither changes anything.
#[tokio::test]
async fn every_action_names_what_it_cannot_find() {
    let cluster = TestCluster::start().await;
    let app = cluster.server.app.clone();
    let f = fixture(&cluster).await;
    let prefix = "arn:aws:elasticloadbalancing:us-east-1:000000000000:";
    let id = "0123456789abcdef";
    let missing = Fixture {
        load_balancer: format!("{prefix}loadbalancer/app/nope/{id}"),
        target_group: format!("{prefix}targetgroup/nope/{id}"),
        listener: format!("{prefix}listener/app/nope/{id}/{id}"),
        rule: format!("{prefix}listener-rule/app/nope/{id}/{id}/{id}"),
    };
    let malformed = Fixture {
        load_balancer: "web".into(),
        target_group: format!("{prefix}loadbalancer/app/web/{id}"),
        listener: format!("{prefix}targetgroup/web/{id}"),
        rule: "arn:aws:ecs:us-east-1:000000000000:cluster/default".into(),
    };
    // The fixture's resources, each swapped in turn for a missing one.
    let not_found = [
        (
            "LoadBalancerNotFound",
            Fixture {
                load_balancer: missing.load_balancer.clone(),
                ..f.clone()
            },
        ),
        (
            "TargetGroupNotFound",
            Fixture {
                target_group: missing.target_group.clone(),
                ..f.clone()
            },
        ),
        (
            "ListenerNotFound",
            Fixture {
                listener: missing.listener.clone(),
                ..f.clone()
            },
        ),
        (
            "RuleNotFound",
            Fixture {
                rule: missing.rule.clone(),
                ..f.clone()
            },
        ),
    ];
    let invalid = [
        Fixture {
            load_balancer: malformed.load_balancer.clone(),
            ..f.clone()
        },
        Fixture {
            target_group: malformed.target_group.clone(),
            ..f.clone()
        },
        Fixture {
            listener: malformed.listener.clone(),
            ..f.clone()
        },
        Fixture {
            rule: malformed.rule.clone(),
            ..f.clone()
        },
    ];
    let before = app.elbv2_configuration();
    let mut checked = std::collections::BTreeSet::new();
    for ((code, with_missing), with_malformed) in not_found.iter().zip(&invalid) {
        let good = one_call_of_each_action(&f);
        let calls = one_call_of_each_action(with_missing)
            .into_iter()
            .zip(one_call_of_each_action(with_malformed))
            .zip(good);
        for (((action, params, _), (_, bad_params, _)), (_, good_params, _)) in calls {
            if params == good_params {
                continue; // the action does not name this kind of resource
            }
            let reply = call(&cluster, &body(action, &params)).await;
            match action {
                // Deleting what is not there succeeds, as in ELBv2.
                "DeleteLoadBalancer" | "DeleteTargetGroup" => {
                    assert_eq!(reply.status, 200, "{action}: {}", reply.body)
                }
                _ => reply.assert_error(400, code),
            }
            call(&cluster, &body(action, &bad_params))
                .await
                .assert_error(400, "ValidationError");
            checked.insert(action);
        }
    }
    let after = app.elbv2_configuration();
    assert_eq!(after.generation, before.generation, "nothing was written");
    assert_eq!(after.load_balancers, before.load_balancers);
    assert_eq!(after.target_groups, before.target_groups);
    // Every action but the two creates that name no existing resource was checked.
    let unchecked: Vec<&str> = berth_server::apis::elbv2::ELBV2_OPERATIONS
        .iter()
        .copied()
        .filter(|a| !checked.contains(a))
        .collect();
    assert_eq!(
        unchecked,
        [
            "CreateLoadBalancer",
            "DescribeLoadBalancers",
            "CreateTargetGroup",
            "DescribeTargetGroups"
        ]
    );
}
