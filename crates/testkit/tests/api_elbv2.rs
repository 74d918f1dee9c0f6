//! The ELBv2 API through the AWS SDK for Rust (`aws-sdk-elasticloadbalancingv2`): every
//! operation and its error cases, against a real server over a real SQLite store.
//!
//! The data plane is not part of these tests: where ELBv2 shows what the load balancer
//! observed (a load balancer's `active` state, a target's health, a drained target), the
//! test records it through the same `App` functions the data plane calls
//! (`elbv2_record_load_balancer_state`, `elbv2_record_target_health`,
//! `elbv2_finish_draining`). The waiters, the aws CLI session and raw malformed requests are
//! in `api_elbv2_cli.rs`.

mod api_support;

use std::time::Duration;

use api_support::code;
use aws_sdk_elasticloadbalancingv2 as elbv2;
use berth_testkit::{wait_for, AgentKind, Options, TestCluster};
use elbv2::error::SdkError;
use elbv2::types::{
    Action, ActionTypeEnum, Certificate, FixedResponseActionConfig, ForwardActionConfig,
    HostHeaderConditionConfig, HttpHeaderConditionConfig, HttpRequestMethodConditionConfig,
    LoadBalancerAttribute, LoadBalancerSchemeEnum, LoadBalancerStateEnum, LoadBalancerTypeEnum,
    Matcher, PathPatternConditionConfig, ProtocolEnum, QueryStringConditionConfig,
    QueryStringKeyValuePair, RedirectActionConfig, RedirectActionStatusCodeEnum, RuleCondition,
    RulePriorityPair, SourceIpConditionConfig, Tag, TargetDescription, TargetGroupAttribute,
    TargetGroupStickinessConfig, TargetGroupTuple, TargetTypeEnum,
};

/// An ELBv2 client signed with the server's administrator key.
pub fn client(cluster: &TestCluster) -> elbv2::Client {
    let own = &cluster.server.credentials;
    let credentials = aws_credential_types::Credentials::new(
        &own.access_key_id,
        &own.secret_access_key,
        None,
        None,
        "berth-test",
    );
    let config = elbv2::Config::builder()
        .behavior_version(elbv2::config::BehaviorVersion::latest())
        .region(elbv2::config::Region::new(
            cluster.server.app.config.scope.region.clone(),
        ))
        .credentials_provider(credentials)
        .endpoint_url(cluster.endpoint())
        .build();
    elbv2::Client::from_conf(config)
}

/// The exception name of a call that must fail.
fn error<T: std::fmt::Debug, E, R>(result: Result<T, SdkError<E, R>>) -> String
where
    E: elbv2::error::ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    match result {
        Ok(value) => panic!("the call should have failed, but returned {value:?}"),
        Err(err) => code(&err),
    }
}

/// `(key, value)` of attributes: load balancer and target group attributes have the same
/// accessors but different types.
macro_rules! key_values {
    ($attributes:expr) => {
        $attributes
            .iter()
            .map(|a| {
                (
                    a.key().unwrap_or_default().to_owned(),
                    a.value().unwrap_or_default().to_owned(),
                )
            })
            .collect::<Vec<(String, String)>>()
    };
}

/// Asserts `all` has each of the key-value pairs `expected`.
fn assert_has(all: Vec<(String, String)>, expected: &[(&str, &str)]) {
    for (key, value) in expected {
        assert!(
            all.iter().any(|(k, v)| k == key && v == value),
            "{key}={value} in {all:?}"
        );
    }
}

const PREFIX: &str = "arn:aws:elasticloadbalancing:us-east-1:000000000000:";

async fn load_balancer(client: &elbv2::Client, name: &str) -> String {
    let out = client
        .create_load_balancer()
        .name(name)
        .send()
        .await
        .expect("creating a load balancer");
    out.load_balancers()[0]
        .load_balancer_arn()
        .expect("an ARN")
        .to_owned()
}

async fn network_load_balancer(client: &elbv2::Client, name: &str) -> String {
    let out = client
        .create_load_balancer()
        .name(name)
        .r#type(LoadBalancerTypeEnum::Network)
        .send()
        .await
        .expect("creating a network load balancer");
    out.load_balancers()[0]
        .load_balancer_arn()
        .expect("an ARN")
        .to_owned()
}

async fn target_group(
    client: &elbv2::Client,
    name: &str,
    protocol: ProtocolEnum,
    target_type: TargetTypeEnum,
) -> String {
    let out = client
        .create_target_group()
        .name(name)
        .protocol(protocol)
        .port(80)
        .target_type(target_type)
        .send()
        .await
        .expect("creating a target group");
    out.target_groups()[0]
        .target_group_arn()
        .expect("an ARN")
        .to_owned()
}

async fn http_group(client: &elbv2::Client, name: &str) -> String {
    target_group(client, name, ProtocolEnum::Http, TargetTypeEnum::Ip).await
}

fn forward(target_group: &str) -> Action {
    Action::builder()
        .r#type(ActionTypeEnum::Forward)
        .target_group_arn(target_group)
        .build()
}

async fn listener(client: &elbv2::Client, lb: &str, port: i32, target_group: &str) -> String {
    let out = client
        .create_listener()
        .load_balancer_arn(lb)
        .protocol(ProtocolEnum::Http)
        .port(port)
        .default_actions(forward(target_group))
        .send()
        .await
        .expect("creating a listener");
    out.listeners()[0]
        .listener_arn()
        .expect("an ARN")
        .to_owned()
}

fn path(values: &[&str]) -> RuleCondition {
    RuleCondition::builder()
        .field("path-pattern")
        .set_values(Some(values.iter().map(|v| v.to_string()).collect()))
        .build()
}

fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build()
}

fn ip(address: &str, port: i32) -> TargetDescription {
    TargetDescription::builder().id(address).port(port).build()
}

/// Each target's (id, port, state, reason) as DescribeTargetHealth shows them.
async fn health(
    client: &elbv2::Client,
    target_group: &str,
    targets: Option<Vec<TargetDescription>>,
) -> Vec<(String, i32, String, String)> {
    let out = client
        .describe_target_health()
        .target_group_arn(target_group)
        .set_targets(targets)
        .send()
        .await
        .expect("describing target health");
    let mut found: Vec<_> = out
        .target_health_descriptions()
        .iter()
        .map(|d| {
            let target = d.target().expect("a target");
            let health = d.target_health().expect("a health");
            (
                target.id().unwrap_or_default().to_owned(),
                target.port().unwrap_or_default(),
                health
                    .state()
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
                health
                    .reason()
                    .map(|r| r.as_str().to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect();
    found.sort();
    found
}

#[tokio::test]
async fn load_balancers_are_created_described_and_deleted() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let created = client
        .create_load_balancer()
        .name("web")
        .tags(tag("team", "web"))
        .send()
        .await
        .unwrap();
    let lb = &created.load_balancers()[0];
    let arn = lb.load_balancer_arn().unwrap().to_owned();
    let id = arn
        .strip_prefix(&format!("{PREFIX}loadbalancer/app/web/"))
        .unwrap_or_else(|| panic!("{arn} is not an application load balancer ARN"));
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{arn}"
    );
    assert_eq!(lb.r#type(), Some(&LoadBalancerTypeEnum::Application));
    assert_eq!(lb.scheme(), Some(&LoadBalancerSchemeEnum::InternetFacing));
    assert_eq!(lb.dns_name(), Some("127.0.0.1"));
    assert_eq!(
        lb.state().and_then(|s| s.code()),
        Some(&LoadBalancerStateEnum::Provisioning),
        "a load balancer is provisioning until its data plane reports it"
    );
    assert!(lb.created_time().is_some());

    // CreateLoadBalancer is idempotent; other settings under the same name are refused.
    let again = client
        .create_load_balancer()
        .name("web")
        .tags(tag("team", "web"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.load_balancers()[0].load_balancer_arn(),
        Some(arn.as_str())
    );
    let other = client
        .create_load_balancer()
        .name("web")
        .scheme(LoadBalancerSchemeEnum::Internal)
        .send()
        .await;
    assert_eq!(error(other), "DuplicateLoadBalancerName");

    let internal = client
        .create_load_balancer()
        .name("db")
        .r#type(LoadBalancerTypeEnum::Network)
        .scheme(LoadBalancerSchemeEnum::Internal)
        .send()
        .await
        .unwrap();
    let internal = &internal.load_balancers()[0];
    assert!(internal
        .load_balancer_arn()
        .unwrap()
        .starts_with(&format!("{PREFIX}loadbalancer/net/db/")));
    assert_eq!(internal.dns_name(), Some("127.0.0.1"));

    // Names, subnets and types berth cannot serve are refused, and create nothing.
    for bad in ["-web", "web-", "internal-web", "we_b", &"x".repeat(33)] {
        let result = client.create_load_balancer().name(bad).send().await;
        assert_eq!(error(result), "ValidationError", "name {bad:?}");
    }
    let subnets = client
        .create_load_balancer()
        .name("subnets")
        .subnets("subnet-1")
        .subnets("subnet-2")
        .send()
        .await;
    assert_eq!(error(subnets), "ValidationError");
    let gateway = client
        .create_load_balancer()
        .name("gw")
        .r#type(LoadBalancerTypeEnum::Gateway)
        .send()
        .await;
    assert_eq!(error(gateway), "ValidationError");
    let dualstack = client
        .create_load_balancer()
        .name("v6")
        .ip_address_type(elbv2::types::IpAddressType::Dualstack)
        .send()
        .await;
    assert_eq!(error(dualstack), "ValidationError");

    let all = client.describe_load_balancers().send().await.unwrap();
    let names: Vec<_> = all
        .load_balancers()
        .iter()
        .filter_map(|lb| lb.load_balancer_name())
        .collect();
    assert_eq!(names, ["db", "web"]);
    let by_name = client
        .describe_load_balancers()
        .names("web")
        .send()
        .await
        .unwrap();
    assert_eq!(
        by_name.load_balancers()[0].load_balancer_arn(),
        Some(arn.as_str())
    );
    let missing = client.describe_load_balancers().names("nope").send().await;
    assert_eq!(error(missing), "LoadBalancerNotFound");
    let both = client
        .describe_load_balancers()
        .names("web")
        .load_balancer_arns(&arn)
        .send()
        .await;
    assert_eq!(error(both), "ValidationError");

    client
        .delete_load_balancer()
        .load_balancer_arn(&arn)
        .send()
        .await
        .unwrap();
    let gone = client
        .describe_load_balancers()
        .load_balancer_arns(&arn)
        .send()
        .await;
    assert_eq!(error(gone), "LoadBalancerNotFound");
    // Deleting what is already deleted succeeds, as on ELBv2; a malformed ARN does not.
    client
        .delete_load_balancer()
        .load_balancer_arn(&arn)
        .send()
        .await
        .unwrap();
    let malformed = client
        .delete_load_balancer()
        .load_balancer_arn("arn:aws:ecs:us-east-1:000000000000:cluster/x")
        .send()
        .await;
    assert_eq!(error(malformed), "ValidationError");
}

#[tokio::test]
async fn load_balancer_attributes_are_validated_and_deletion_protection_applies() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let arn = load_balancer(&client, "web").await;
    let described = client
        .describe_load_balancer_attributes()
        .load_balancer_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_has(
        key_values!(described.attributes()),
        &[
            ("idle_timeout.timeout_seconds", "60"),
            ("deletion_protection.enabled", "false"),
            ("routing.http2.enabled", "true"),
            ("access_logs.s3.enabled", "false"),
            ("load_balancing.cross_zone.enabled", "true"),
        ],
    );
    let attribute = |key: &str, value: &str| {
        LoadBalancerAttribute::builder()
            .key(key)
            .value(value)
            .build()
    };
    let modified = client
        .modify_load_balancer_attributes()
        .load_balancer_arn(&arn)
        .attributes(attribute("idle_timeout.timeout_seconds", "120"))
        .send()
        .await
        .unwrap();
    assert_has(
        key_values!(modified.attributes()),
        &[("idle_timeout.timeout_seconds", "120")],
    );

    // A request with one bad attribute changes nothing, not even its good ones.
    for bad in [
        attribute("idle_timeout.timeout_seconds", "4001"),
        attribute("access_logs.s3.enabled", "true"),
        attribute("no.such.attribute", "1"),
        attribute("deletion_protection.enabled", "yes"),
    ] {
        let result = client
            .modify_load_balancer_attributes()
            .load_balancer_arn(&arn)
            .attributes(attribute("routing.http2.enabled", "false"))
            .attributes(bad.clone())
            .send()
            .await;
        assert_eq!(error(result), "InvalidConfigurationRequest", "{bad:?}");
    }
    let after = client
        .describe_load_balancer_attributes()
        .load_balancer_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_has(
        key_values!(after.attributes()),
        &[
            ("routing.http2.enabled", "true"),
            ("idle_timeout.timeout_seconds", "120"),
        ],
    );

    client
        .modify_load_balancer_attributes()
        .load_balancer_arn(&arn)
        .attributes(attribute("deletion_protection.enabled", "true"))
        .send()
        .await
        .unwrap();
    let protected = client
        .delete_load_balancer()
        .load_balancer_arn(&arn)
        .send()
        .await;
    assert_eq!(error(protected), "OperationNotPermitted");
    client
        .modify_load_balancer_attributes()
        .load_balancer_arn(&arn)
        .attributes(attribute("deletion_protection.enabled", "false"))
        .send()
        .await
        .unwrap();
    client
        .delete_load_balancer()
        .load_balancer_arn(&arn)
        .send()
        .await
        .unwrap();
    let missing = client
        .describe_load_balancer_attributes()
        .load_balancer_arn(&arn)
        .send()
        .await;
    assert_eq!(error(missing), "LoadBalancerNotFound");
}

#[tokio::test]
async fn target_groups_get_elbv2_defaults_and_are_validated() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    // The session: a short interval alone gets a timeout that fits under it.
    let created = client
        .create_target_group()
        .name("web")
        .protocol(ProtocolEnum::Http)
        .port(80)
        .target_type(TargetTypeEnum::Instance)
        .health_check_path("/health")
        .healthy_threshold_count(2)
        .health_check_interval_seconds(5)
        .send()
        .await
        .unwrap();
    let tg = &created.target_groups()[0];
    let arn = tg.target_group_arn().unwrap().to_owned();
    assert!(
        arn.starts_with(&format!("{PREFIX}targetgroup/web/")),
        "{arn}"
    );
    assert_eq!(tg.health_check_path(), Some("/health"));
    assert_eq!(tg.health_check_interval_seconds(), Some(5));
    assert_eq!(tg.health_check_timeout_seconds(), Some(4));
    assert_eq!(tg.healthy_threshold_count(), Some(2));
    assert_eq!(tg.unhealthy_threshold_count(), Some(2));
    assert_eq!(tg.health_check_port(), Some("traffic-port"));
    assert_eq!(tg.health_check_protocol(), Some(&ProtocolEnum::Http));
    assert_eq!(tg.matcher().and_then(|m| m.http_code()), Some("200"));
    assert_eq!(tg.protocol_version(), Some("HTTP1"));
    assert!(tg.load_balancer_arns().is_empty());

    let defaults = client
        .create_target_group()
        .name("plain")
        .protocol(ProtocolEnum::Http)
        .port(8080)
        .send()
        .await
        .unwrap();
    let plain = &defaults.target_groups()[0];
    assert_eq!(plain.target_type(), Some(&TargetTypeEnum::Instance));
    assert_eq!(
        (
            plain.health_check_interval_seconds(),
            plain.health_check_timeout_seconds(),
            plain.healthy_threshold_count(),
            plain.health_check_path()
        ),
        (Some(30), Some(6), Some(5), Some("/"))
    );
    let tcp = client
        .create_target_group()
        .name("tcp")
        .protocol(ProtocolEnum::Tcp)
        .port(5432)
        .send()
        .await
        .unwrap();
    let tcp = &tcp.target_groups()[0];
    assert_eq!(tcp.health_check_protocol(), Some(&ProtocolEnum::Tcp));
    assert_eq!(tcp.health_check_timeout_seconds(), Some(10));
    assert_eq!(tcp.health_check_path(), None);
    assert!(tcp.matcher().is_none());

    // Idempotent with the same settings, refused with others.
    let again = client
        .create_target_group()
        .name("plain")
        .protocol(ProtocolEnum::Http)
        .port(8080)
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.target_groups()[0].target_group_arn(),
        plain.target_group_arn()
    );
    let other = client
        .create_target_group()
        .name("plain")
        .protocol(ProtocolEnum::Http)
        .port(8081)
        .send()
        .await;
    assert_eq!(error(other), "DuplicateTargetGroupName");

    let bad = |name: &str| {
        client
            .create_target_group()
            .name(name)
            .protocol(ProtocolEnum::Http)
            .port(80)
    };
    assert_eq!(
        error(bad("https").protocol(ProtocolEnum::Https).send().await),
        "UnsupportedProtocol"
    );
    assert_eq!(
        error(bad("vpc").vpc_id("vpc-1").send().await),
        "ValidationError"
    );
    assert_eq!(
        error(
            bad("lambda")
                .target_type(TargetTypeEnum::Lambda)
                .send()
                .await
        ),
        "ValidationError"
    );
    assert_eq!(
        error(
            bad("matcher")
                .matcher(Matcher::builder().http_code("200-600").build())
                .send()
                .await
        ),
        "ValidationError"
    );
    assert_eq!(
        error(bad("off").health_check_enabled(false).send().await),
        "InvalidConfigurationRequest"
    );
    assert_eq!(
        error(
            bad("slow")
                .health_check_interval_seconds(5)
                .health_check_timeout_seconds(5)
                .send()
                .await
        ),
        "InvalidConfigurationRequest"
    );
    assert_eq!(
        error(
            bad("tcpcheck")
                .health_check_protocol(ProtocolEnum::Tcp)
                .send()
                .await
        ),
        "InvalidConfigurationRequest"
    );
    assert_eq!(
        error(
            client
                .create_target_group()
                .name("noport")
                .protocol(ProtocolEnum::Http)
                .send()
                .await
        ),
        "ValidationError"
    );
    // Out of the model's range: ValidationError before the app layer.
    assert_eq!(
        error(bad("thresholds").healthy_threshold_count(11).send().await),
        "ValidationError"
    );

    let modified = client
        .modify_target_group()
        .target_group_arn(&arn)
        .health_check_path("/ready")
        .unhealthy_threshold_count(3)
        .matcher(Matcher::builder().http_code("200-299").build())
        .send()
        .await
        .unwrap();
    let modified = &modified.target_groups()[0];
    assert_eq!(modified.health_check_path(), Some("/ready"));
    assert_eq!(modified.unhealthy_threshold_count(), Some(3));
    assert_eq!(modified.healthy_threshold_count(), Some(2), "kept");
    assert_eq!(
        modified.matcher().and_then(|m| m.http_code()),
        Some("200-299")
    );
    let refused = client
        .modify_target_group()
        .target_group_arn(&arn)
        .health_check_timeout_seconds(30)
        .send()
        .await;
    assert_eq!(error(refused), "InvalidConfigurationRequest");
    let missing = client
        .modify_target_group()
        .target_group_arn(format!("{PREFIX}targetgroup/nope/0123456789abcdef"))
        .health_check_path("/")
        .send()
        .await;
    assert_eq!(error(missing), "TargetGroupNotFound");

    let described = client
        .describe_target_groups()
        .names("web")
        .names("tcp")
        .send()
        .await
        .unwrap();
    let names: Vec<_> = described
        .target_groups()
        .iter()
        .filter_map(|t| t.target_group_name())
        .collect();
    assert_eq!(names, ["tcp", "web"]);
    assert_eq!(
        error(client.describe_target_groups().names("nope").send().await),
        "TargetGroupNotFound"
    );
    assert_eq!(
        error(
            client
                .describe_target_groups()
                .names("web")
                .target_group_arns(&arn)
                .send()
                .await
        ),
        "ValidationError"
    );

    client
        .delete_target_group()
        .target_group_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(
            client
                .describe_target_groups()
                .target_group_arns(&arn)
                .send()
                .await
        ),
        "TargetGroupNotFound"
    );
    // Already deleted: succeeds.
    client
        .delete_target_group()
        .target_group_arn(&arn)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn target_group_attributes_are_validated() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let arn = http_group(&client, "web").await;
    let described = client
        .describe_target_group_attributes()
        .target_group_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_has(
        key_values!(described.attributes()),
        &[
            ("deregistration_delay.timeout_seconds", "300"),
            ("stickiness.enabled", "false"),
            ("stickiness.type", "lb_cookie"),
            ("stickiness.lb_cookie.duration_seconds", "86400"),
            ("load_balancing.algorithm.type", "round_robin"),
        ],
    );
    let attribute = |key: &str, value: &str| {
        TargetGroupAttribute::builder()
            .key(key)
            .value(value)
            .build()
    };
    let modified = client
        .modify_target_group_attributes()
        .target_group_arn(&arn)
        .attributes(attribute("deregistration_delay.timeout_seconds", "5"))
        .attributes(attribute("stickiness.enabled", "true"))
        .attributes(attribute("stickiness.lb_cookie.duration_seconds", "60"))
        .attributes(attribute(
            "load_balancing.algorithm.type",
            "least_outstanding_requests",
        ))
        .send()
        .await
        .unwrap();
    assert_has(
        key_values!(modified.attributes()),
        &[
            ("deregistration_delay.timeout_seconds", "5"),
            ("stickiness.enabled", "true"),
            ("stickiness.lb_cookie.duration_seconds", "60"),
            (
                "load_balancing.algorithm.type",
                "least_outstanding_requests",
            ),
        ],
    );
    for bad in [
        attribute("stickiness.type", "app_cookie"),
        attribute("load_balancing.algorithm.type", "weighted_random"),
        attribute("deregistration_delay.timeout_seconds", "3601"),
        attribute("slow_start.duration_seconds", "30"),
        attribute("preserve_client_ip.enabled", "true"),
    ] {
        let result = client
            .modify_target_group_attributes()
            .target_group_arn(&arn)
            .attributes(attribute("deregistration_delay.timeout_seconds", "7"))
            .attributes(bad.clone())
            .send()
            .await;
        assert_eq!(error(result), "InvalidConfigurationRequest", "{bad:?}");
    }
    let after = client
        .describe_target_group_attributes()
        .target_group_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_has(
        key_values!(after.attributes()),
        &[("deregistration_delay.timeout_seconds", "5")],
    );
    let missing = client
        .describe_target_group_attributes()
        .target_group_arn(format!("{PREFIX}targetgroup/nope/0123456789abcdef"))
        .send()
        .await;
    assert_eq!(error(missing), "TargetGroupNotFound");
}

#[tokio::test]
async fn listeners_forward_to_target_groups_and_fill_their_load_balancers() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let lb = load_balancer(&client, "web").await;
    let tg = http_group(&client, "web").await;
    let created = client
        .create_listener()
        .load_balancer_arn(&lb)
        .protocol(ProtocolEnum::Http)
        .port(8080)
        .default_actions(forward(&tg))
        .send()
        .await
        .unwrap();
    let listener = &created.listeners()[0];
    let arn = listener.listener_arn().unwrap().to_owned();
    let lb_path = lb.strip_prefix(&format!("{PREFIX}loadbalancer/")).unwrap();
    assert!(
        arn.starts_with(&format!("{PREFIX}listener/{lb_path}/")),
        "{arn}"
    );
    let action = &listener.default_actions()[0];
    assert_eq!(action.target_group_arn(), Some(tg.as_str()));
    let tuples = action.forward_config().unwrap().target_groups();
    assert_eq!(
        tuples[0].weight(),
        Some(1),
        "ELBv2 shows the forward config in full"
    );

    let described = client
        .describe_target_groups()
        .target_group_arns(&tg)
        .send()
        .await
        .unwrap();
    assert_eq!(
        described.target_groups()[0].load_balancer_arns(),
        [lb.as_str()]
    );
    let of_lb = client
        .describe_target_groups()
        .load_balancer_arn(&lb)
        .send()
        .await
        .unwrap();
    assert_eq!(of_lb.target_groups().len(), 1);

    // The same listener again is idempotent; other settings on a used port are refused,
    // on this load balancer and on any other (they share the berth host).
    let again = client
        .create_listener()
        .load_balancer_arn(&lb)
        .protocol(ProtocolEnum::Http)
        .port(8080)
        .default_actions(forward(&tg))
        .send()
        .await
        .unwrap();
    assert_eq!(again.listeners()[0].listener_arn(), Some(arn.as_str()));
    let fixed = Action::builder()
        .r#type(ActionTypeEnum::FixedResponse)
        .fixed_response_config(
            FixedResponseActionConfig::builder()
                .status_code("404")
                .content_type("text/plain")
                .message_body("nothing here")
                .build(),
        )
        .build();
    let duplicate = client
        .create_listener()
        .load_balancer_arn(&lb)
        .protocol(ProtocolEnum::Http)
        .port(8080)
        .default_actions(fixed.clone())
        .send()
        .await;
    assert_eq!(error(duplicate), "DuplicateListener");
    let other_lb = load_balancer(&client, "api").await;
    let elsewhere = client
        .create_listener()
        .load_balancer_arn(&other_lb)
        .protocol(ProtocolEnum::Http)
        .port(8080)
        .default_actions(fixed.clone())
        .send()
        .await;
    assert_eq!(error(elsewhere), "DuplicateListener");

    // A target group serves one load balancer; an ALB cannot forward to a TCP group.
    let taken = client
        .create_listener()
        .load_balancer_arn(&other_lb)
        .protocol(ProtocolEnum::Http)
        .port(8081)
        .default_actions(forward(&tg))
        .send()
        .await;
    assert_eq!(error(taken), "TargetGroupAssociationLimit");
    let tcp = target_group(&client, "tcp", ProtocolEnum::Tcp, TargetTypeEnum::Ip).await;
    let incompatible = client
        .create_listener()
        .load_balancer_arn(&other_lb)
        .protocol(ProtocolEnum::Http)
        .port(8082)
        .default_actions(forward(&tcp))
        .send()
        .await;
    assert_eq!(error(incompatible), "IncompatibleProtocols");
    let tcp_on_alb = client
        .create_listener()
        .load_balancer_arn(&other_lb)
        .protocol(ProtocolEnum::Tcp)
        .port(8083)
        .default_actions(fixed.clone())
        .send()
        .await;
    assert_eq!(error(tcp_on_alb), "UnsupportedProtocol");
    let https_without_certificate = client
        .create_listener()
        .load_balancer_arn(&other_lb)
        .protocol(ProtocolEnum::Https)
        .port(8443)
        .default_actions(fixed.clone())
        .send()
        .await;
    assert_eq!(error(https_without_certificate), "ValidationError");
    let no_such_group = client
        .create_listener()
        .load_balancer_arn(&other_lb)
        .protocol(ProtocolEnum::Http)
        .port(8084)
        .default_actions(forward(&format!(
            "{PREFIX}targetgroup/nope/0123456789abcdef"
        )))
        .send()
        .await;
    assert_eq!(error(no_such_group), "TargetGroupNotFound");
    let no_such_lb = client
        .create_listener()
        .load_balancer_arn(format!("{PREFIX}loadbalancer/app/nope/0123456789abcdef"))
        .protocol(ProtocolEnum::Http)
        .port(8085)
        .default_actions(fixed.clone())
        .send()
        .await;
    assert_eq!(error(no_such_lb), "LoadBalancerNotFound");
    let authenticate = client
        .create_listener()
        .load_balancer_arn(&other_lb)
        .protocol(ProtocolEnum::Http)
        .port(8086)
        .default_actions(
            Action::builder()
                .r#type(ActionTypeEnum::AuthenticateOidc)
                .build(),
        )
        .send()
        .await;
    assert_eq!(error(authenticate), "InvalidLoadBalancerAction");

    // A network load balancer takes TCP listeners forwarding to TCP groups.
    let nlb = network_load_balancer(&client, "db").await;
    let tcp_listener = client
        .create_listener()
        .load_balancer_arn(&nlb)
        .protocol(ProtocolEnum::Tcp)
        .port(5432)
        .default_actions(forward(&tcp))
        .send()
        .await
        .unwrap();
    assert_eq!(
        tcp_listener.listeners()[0].protocol(),
        Some(&ProtocolEnum::Tcp)
    );
    let http_on_nlb = client
        .create_listener()
        .load_balancer_arn(&nlb)
        .protocol(ProtocolEnum::Http)
        .port(5433)
        .default_actions(forward(&tcp))
        .send()
        .await;
    assert_eq!(error(http_on_nlb), "UnsupportedProtocol");

    let listed = client
        .describe_listeners()
        .load_balancer_arn(&lb)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.listeners().len(), 1);
    let by_arn = client
        .describe_listeners()
        .listener_arns(&arn)
        .send()
        .await
        .unwrap();
    assert_eq!(by_arn.listeners()[0].port(), Some(8080));
    assert_eq!(
        error(client.describe_listeners().send().await),
        "ValidationError"
    );

    // ModifyListener moves the port and replaces the default action; a group no longer
    // forwarded to has no load balancer any more.
    let modified = client
        .modify_listener()
        .listener_arn(&arn)
        .port(9090)
        .default_actions(fixed.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(modified.listeners()[0].port(), Some(9090));
    let described = client
        .describe_target_groups()
        .target_group_arns(&tg)
        .send()
        .await
        .unwrap();
    assert!(described.target_groups()[0].load_balancer_arns().is_empty());
    let clash = client
        .modify_listener()
        .listener_arn(&arn)
        .port(5432)
        .send()
        .await;
    assert_eq!(error(clash), "DuplicateListener");

    // A group in use cannot be deleted.
    let in_use = client
        .delete_target_group()
        .target_group_arn(&tcp)
        .send()
        .await;
    assert_eq!(error(in_use), "ResourceInUse");

    client
        .delete_listener()
        .listener_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(client.describe_listeners().listener_arns(&arn).send().await),
        "ListenerNotFound"
    );
    assert_eq!(
        error(client.delete_listener().listener_arn(&arn).send().await),
        "ListenerNotFound"
    );
    // Deleting a load balancer deletes its listeners, freeing its groups.
    client
        .delete_load_balancer()
        .load_balancer_arn(&nlb)
        .send()
        .await
        .unwrap();
    client
        .delete_target_group()
        .target_group_arn(&tcp)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn https_listeners_take_a_pem_file_from_the_certificate_directory() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let dir = cluster
        .server
        .app
        .config
        .elbv2
        .certificate_dir
        .clone()
        .expect("the server sets a certificate directory");
    std::fs::create_dir_all(&dir).unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let certificate = rcgen::CertificateParams::new(vec!["web.example.com".into()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    std::fs::write(
        dir.join("web.pem"),
        format!("{}{}", certificate.pem(), key.serialize_pem()),
    )
    .unwrap();
    let wrong_key = rcgen::KeyPair::generate().unwrap();
    std::fs::write(
        dir.join("mismatched.pem"),
        format!("{}{}", certificate.pem(), wrong_key.serialize_pem()),
    )
    .unwrap();
    let lb = load_balancer(&client, "web").await;
    let tg = http_group(&client, "web").await;
    let certificate_arn = "arn:aws:acm:us-east-1:000000000000:certificate/web";
    let https = |port: i32, certificate: &str| {
        client
            .create_listener()
            .load_balancer_arn(&lb)
            .protocol(ProtocolEnum::Https)
            .port(port)
            .certificates(Certificate::builder().certificate_arn(certificate).build())
            .default_actions(forward(&tg))
    };
    let created = https(8443, certificate_arn).send().await.unwrap();
    let listener = &created.listeners()[0];
    assert_eq!(
        listener.ssl_policy(),
        Some("ELBSecurityPolicy-TLS13-1-2-2021-06")
    );
    assert_eq!(
        listener.certificates()[0].certificate_arn(),
        Some(certificate_arn)
    );
    let config = cluster.server.app.elbv2_configuration();
    let recorded = config.load_balancers[0].listeners[0]
        .listener
        .certificate
        .clone()
        .expect("the data plane is told the certificate");
    assert_eq!(recorded.path, dir.join("web.pem"));

    for (port, arn) in [
        (
            8444,
            "arn:aws:acm:us-east-1:000000000000:certificate/missing",
        ),
        (
            8445,
            "arn:aws:acm:us-east-1:000000000000:certificate/mismatched",
        ),
        (
            8446,
            "arn:aws:acm:us-east-1:000000000000:certificate/../web",
        ),
        (8447, "arn:aws:acm:eu-west-1:000000000000:certificate/web"),
        (8448, "file:///etc/ssl/private/server.pem"),
    ] {
        assert_eq!(
            error(https(port, arn).send().await),
            "CertificateNotFound",
            "{arn}"
        );
    }
    assert_eq!(
        error(
            https(8449, certificate_arn)
                .ssl_policy("ELBSecurityPolicy-2016-08")
                .send()
                .await
        ),
        "SSLPolicyNotFound"
    );
    let two = client
        .create_listener()
        .load_balancer_arn(&lb)
        .protocol(ProtocolEnum::Https)
        .port(8450)
        .certificates(
            Certificate::builder()
                .certificate_arn(certificate_arn)
                .build(),
        )
        .certificates(
            Certificate::builder()
                .certificate_arn(certificate_arn)
                .build(),
        )
        .default_actions(forward(&tg))
        .send()
        .await;
    assert_eq!(error(two), "TooManyCertificates");

    // HTTPS to HTTP drops the certificate and policy.
    let plain = client
        .modify_listener()
        .listener_arn(listener.listener_arn().unwrap())
        .protocol(ProtocolEnum::Http)
        .send()
        .await
        .unwrap();
    let plain = &plain.listeners()[0];
    assert!(plain.certificates().is_empty());
    assert_eq!(plain.ssl_policy(), None);
    // A certificate for an HTTP listener is refused, not kept unused.
    let certificate_on_http = client
        .modify_listener()
        .listener_arn(plain.listener_arn().unwrap())
        .certificates(
            Certificate::builder()
                .certificate_arn(certificate_arn)
                .build(),
        )
        .send()
        .await;
    assert_eq!(error(certificate_on_http), "ValidationError");
}

#[tokio::test]
async fn rules_match_conditions_and_keep_unique_priorities() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let lb = load_balancer(&client, "web").await;
    let web = http_group(&client, "web").await;
    let api = http_group(&client, "api").await;
    let canary = http_group(&client, "canary").await;
    let listener = listener(&client, &lb, 8080, &web).await;
    let rule = |priority: i32, condition: RuleCondition, action: Action| {
        client
            .create_rule()
            .listener_arn(&listener)
            .priority(priority)
            .conditions(condition)
            .actions(action)
    };
    let created = rule(10, path(&["/api/*"]), forward(&api))
        .send()
        .await
        .unwrap();
    let api_rule = created.rules()[0].rule_arn().unwrap().to_owned();
    let shown = &created.rules()[0].conditions()[0];
    assert_eq!(shown.values(), ["/api/*".to_owned()]);
    assert_eq!(
        shown.path_pattern_config().unwrap().values(),
        ["/api/*".to_owned()],
        "ELBv2 shows path patterns in both forms"
    );
    let weighted = Action::builder()
        .r#type(ActionTypeEnum::Forward)
        .forward_config(
            ForwardActionConfig::builder()
                .target_groups(
                    TargetGroupTuple::builder()
                        .target_group_arn(&web)
                        .weight(80)
                        .build(),
                )
                .target_groups(
                    TargetGroupTuple::builder()
                        .target_group_arn(&canary)
                        .weight(20)
                        .build(),
                )
                .target_group_stickiness_config(
                    TargetGroupStickinessConfig::builder()
                        .enabled(true)
                        .duration_seconds(300)
                        .build(),
                )
                .build(),
        )
        .build();
    let host = RuleCondition::builder()
        .field("host-header")
        .host_header_config(
            HostHeaderConditionConfig::builder()
                .values("*.example.com")
                .build(),
        )
        .build();
    let weighted_rule = rule(20, host, weighted).send().await.unwrap();
    let forward_config = weighted_rule.rules()[0].actions()[0]
        .forward_config()
        .unwrap();
    assert_eq!(forward_config.target_groups().len(), 2);
    assert_eq!(
        weighted_rule.rules()[0].actions()[0].target_group_arn(),
        None
    );
    let header = RuleCondition::builder()
        .field("http-header")
        .http_header_config(
            HttpHeaderConditionConfig::builder()
                .http_header_name("X-Canary")
                .values("yes")
                .build(),
        )
        .build();
    rule(30, header, forward(&canary)).send().await.unwrap();
    let method = RuleCondition::builder()
        .field("http-request-method")
        .http_request_method_config(
            HttpRequestMethodConditionConfig::builder()
                .values("POST")
                .build(),
        )
        .build();
    let redirect = Action::builder()
        .r#type(ActionTypeEnum::Redirect)
        .redirect_config(
            RedirectActionConfig::builder()
                .protocol("HTTPS")
                .port("443")
                .status_code(RedirectActionStatusCodeEnum::Http301)
                .build(),
        )
        .build();
    let redirected = rule(40, method, redirect).send().await.unwrap();
    let shown = redirected.rules()[0].actions()[0]
        .redirect_config()
        .unwrap();
    assert_eq!(
        (shown.host(), shown.path(), shown.query()),
        (Some("#{host}"), Some("/#{path}"), Some("#{query}"))
    );
    let query = RuleCondition::builder()
        .field("query-string")
        .query_string_config(
            QueryStringConditionConfig::builder()
                .values(
                    QueryStringKeyValuePair::builder()
                        .key("version")
                        .value("2")
                        .build(),
                )
                .build(),
        )
        .build();
    let fixed = Action::builder()
        .r#type(ActionTypeEnum::FixedResponse)
        .fixed_response_config(
            FixedResponseActionConfig::builder()
                .status_code("503")
                .build(),
        )
        .build();
    rule(50, query, fixed.clone()).send().await.unwrap();
    let source = RuleCondition::builder()
        .field("source-ip")
        .source_ip_config(
            SourceIpConditionConfig::builder()
                .values("10.0.0.0/8")
                .build(),
        )
        .build();
    rule(60, source, fixed.clone()).send().await.unwrap();

    // Rules forwarding to a group give it its load balancer.
    let groups = client
        .describe_target_groups()
        .target_group_arns(&canary)
        .send()
        .await
        .unwrap();
    assert_eq!(
        groups.target_groups()[0].load_balancer_arns(),
        [lb.as_str()]
    );

    // Bad rules, each refused.
    assert_eq!(
        error(rule(10, path(&["/other"]), forward(&web)).send().await),
        "PriorityInUse"
    );
    for priority in [0, 50_001] {
        assert_eq!(
            error(rule(priority, path(&["/x"]), forward(&web)).send().await),
            "ValidationError",
            "priority {priority}"
        );
    }
    assert_eq!(
        error(
            rule(
                70,
                path(&["/a", "/b", "/c", "/d", "/e", "/f"]),
                forward(&web)
            )
            .send()
            .await
        ),
        "ValidationError",
        "six condition values"
    );
    assert_eq!(
        error(
            rule(
                70,
                RuleCondition::builder()
                    .field("path-pattern")
                    .path_pattern_config(
                        PathPatternConditionConfig::builder()
                            .regex_values("^/a")
                            .build()
                    )
                    .build(),
                forward(&web)
            )
            .send()
            .await
        ),
        "ValidationError",
        "regular expressions"
    );
    assert_eq!(
        error(
            rule(
                70,
                RuleCondition::builder().field("cookie").values("x").build(),
                forward(&web)
            )
            .send()
            .await
        ),
        "ValidationError"
    );
    let loop_redirect = Action::builder()
        .r#type(ActionTypeEnum::Redirect)
        .redirect_config(
            RedirectActionConfig::builder()
                .status_code(RedirectActionStatusCodeEnum::Http302)
                .build(),
        )
        .build();
    assert_eq!(
        error(rule(70, path(&["/loop"]), loop_redirect).send().await),
        "InvalidLoadBalancerAction"
    );
    assert_eq!(
        error(
            client
                .create_rule()
                .listener_arn(&listener)
                .priority(70)
                .conditions(path(&["/two"]))
                .actions(forward(&web))
                .actions(fixed.clone())
                .send()
                .await
        ),
        "InvalidLoadBalancerAction"
    );
    let bad_status = Action::builder()
        .r#type(ActionTypeEnum::FixedResponse)
        .fixed_response_config(
            FixedResponseActionConfig::builder()
                .status_code("302")
                .build(),
        )
        .build();
    assert_eq!(
        error(rule(70, path(&["/x"]), bad_status).send().await),
        "ValidationError"
    );

    // DescribeRules: by priority, the default rule last.
    let rules = client
        .describe_rules()
        .listener_arn(&listener)
        .send()
        .await
        .unwrap();
    let priorities: Vec<_> = rules.rules().iter().filter_map(|r| r.priority()).collect();
    assert_eq!(priorities, ["10", "20", "30", "40", "50", "60", "default"]);
    let default_rule = rules.rules().last().unwrap();
    assert_eq!(default_rule.is_default(), Some(true));
    let default_arn = default_rule.rule_arn().unwrap().to_owned();

    // SetRulePriorities is all or nothing.
    let pair = |arn: &str, priority: i32| {
        RulePriorityPair::builder()
            .rule_arn(arn)
            .priority(priority)
            .build()
    };
    let second = rules.rules()[1].rule_arn().unwrap().to_owned();
    let swapped = client
        .set_rule_priorities()
        .rule_priorities(pair(&api_rule, 20))
        .rule_priorities(pair(&second, 10))
        .send()
        .await
        .unwrap();
    assert_eq!(swapped.rules().len(), 2);
    let clash = client
        .set_rule_priorities()
        .rule_priorities(pair(&api_rule, 5))
        .rule_priorities(pair(&second, 30))
        .send()
        .await;
    assert_eq!(error(clash), "PriorityInUse");
    let by_arn = client
        .describe_rules()
        .rule_arns(&api_rule)
        .rule_arns(&second)
        .send()
        .await
        .unwrap();
    let now: Vec<_> = by_arn
        .rules()
        .iter()
        .map(|r| {
            (
                r.rule_arn().unwrap().to_owned(),
                r.priority().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(now.contains(&(api_rule.clone(), "20".into())), "{now:?}");
    assert!(now.contains(&(second.clone(), "10".into())), "{now:?}");
    assert_eq!(
        error(
            client
                .set_rule_priorities()
                .rule_priorities(pair(&default_arn, 1))
                .send()
                .await
        ),
        "OperationNotPermitted"
    );

    // ModifyRule replaces conditions or actions; the default rule takes actions only.
    let modified = client
        .modify_rule()
        .rule_arn(&api_rule)
        .conditions(path(&["/v2/*"]))
        .send()
        .await
        .unwrap();
    assert_eq!(
        modified.rules()[0].conditions()[0].values(),
        ["/v2/*".to_owned()]
    );
    assert_eq!(
        modified.rules()[0].actions()[0].target_group_arn(),
        Some(api.as_str()),
        "actions kept"
    );
    let default_modified = client
        .modify_rule()
        .rule_arn(&default_arn)
        .actions(fixed.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(
        default_modified.rules()[0].actions()[0].r#type(),
        Some(&ActionTypeEnum::FixedResponse)
    );
    assert_eq!(
        error(
            client
                .modify_rule()
                .rule_arn(&default_arn)
                .conditions(path(&["/x"]))
                .send()
                .await
        ),
        "OperationNotPermitted"
    );
    assert_eq!(
        error(client.delete_rule().rule_arn(&default_arn).send().await),
        "OperationNotPermitted"
    );

    client
        .delete_rule()
        .rule_arn(&api_rule)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(client.describe_rules().rule_arns(&api_rule).send().await),
        "RuleNotFound"
    );
    assert_eq!(
        error(
            client
                .modify_rule()
                .rule_arn(&api_rule)
                .actions(fixed.clone())
                .send()
                .await
        ),
        "RuleNotFound"
    );
    // Deleting the listener deletes its rules.
    client
        .delete_listener()
        .listener_arn(&listener)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(client.describe_rules().rule_arns(&second).send().await),
        "RuleNotFound"
    );
    assert_eq!(
        error(client.describe_rules().listener_arn(&listener).send().await),
        "ListenerNotFound"
    );
}

#[tokio::test]
async fn rules_need_an_application_load_balancer() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let nlb = network_load_balancer(&client, "db").await;
    let tcp = target_group(&client, "tcp", ProtocolEnum::Tcp, TargetTypeEnum::Ip).await;
    let listener = client
        .create_listener()
        .load_balancer_arn(&nlb)
        .protocol(ProtocolEnum::Tcp)
        .port(5432)
        .default_actions(forward(&tcp))
        .send()
        .await
        .unwrap();
    let result = client
        .create_rule()
        .listener_arn(listener.listeners()[0].listener_arn().unwrap())
        .priority(1)
        .conditions(path(&["/x"]))
        .actions(forward(&tcp))
        .send()
        .await;
    assert_eq!(error(result), "InvalidConfigurationRequest");
}

#[tokio::test]
async fn targets_register_drain_and_show_the_health_the_data_plane_reports() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let app = cluster.server.app.clone();
    let tg = http_group(&client, "web").await;
    client
        .register_targets()
        .target_group_arn(&tg)
        .targets(ip("10.0.0.1", 8081))
        .targets(ip("10.0.0.2", 8082))
        .targets(TargetDescription::builder().id("10.0.0.3").build())
        .send()
        .await
        .unwrap();
    // No load balancer uses the group yet.
    let unused = health(&client, &tg, None).await;
    assert_eq!(unused.len(), 3);
    assert!(
        unused
            .iter()
            .all(|t| t.2 == "unused" && t.3 == "Target.NotInUse"),
        "{unused:?}"
    );
    assert!(
        unused.iter().any(|t| t.0 == "10.0.0.3" && t.1 == 80),
        "the group's port"
    );

    let lb = load_balancer(&client, "web").await;
    listener(&client, &lb, 8080, &tg).await;
    let initial = health(&client, &tg, None).await;
    assert!(
        initial
            .iter()
            .all(|t| t.2 == "initial" && t.3 == "Elb.RegistrationInProgress"),
        "{initial:?}"
    );

    // The data plane reports: one healthy, one failing.
    let config = app.elbv2_configuration();
    let group = config
        .target_groups
        .iter()
        .find(|g| g.target_group.arn == tg)
        .unwrap();
    assert_eq!(group.load_balancer_arns, [lb.as_str()]);
    let registration = |id: &str| {
        group
            .targets
            .iter()
            .find(|t| t.id == id)
            .unwrap()
            .registration
            .clone()
    };
    use berth_api::elbv2::{TargetHealthReasonEnum, TargetHealthStateEnum};
    use berth_server::app::elbv2::records::ObservedTargetHealth;
    let observed = |id: &str, port: u16, healthy: bool| ObservedTargetHealth {
        id: id.into(),
        port,
        registration: registration(id),
        state: if healthy {
            TargetHealthStateEnum::Healthy
        } else {
            TargetHealthStateEnum::Unhealthy
        },
        reason: (!healthy).then_some(TargetHealthReasonEnum::TargetResponseCodeMismatch),
        description: (!healthy).then(|| "Health checks failed with these codes: [500]".into()),
        observed_at: 0.0,
    };
    app.elbv2_record_target_health(
        &tg,
        &[
            observed("10.0.0.1", 8081, true),
            observed("10.0.0.2", 8082, false),
        ],
    )
    .await
    .unwrap();
    let reported = health(&client, &tg, None).await;
    assert_eq!(
        reported,
        [
            ("10.0.0.1".into(), 8081, "healthy".into(), String::new()),
            (
                "10.0.0.2".into(),
                8082,
                "unhealthy".into(),
                "Target.ResponseCodeMismatch".into()
            ),
            (
                "10.0.0.3".into(),
                80,
                "initial".into(),
                "Elb.RegistrationInProgress".into()
            ),
        ]
    );
    // An observation that does not fit ELBv2's states is refused.
    let mut draining = observed("10.0.0.1", 8081, true);
    draining.state = TargetHealthStateEnum::Draining;
    assert!(app
        .elbv2_record_target_health(&tg, &[draining])
        .await
        .is_err());

    // Asking about targets: a registered one, and one that is not.
    let asked = health(
        &client,
        &tg,
        Some(vec![ip("10.0.0.1", 8081), ip("10.0.0.9", 9000)]),
    )
    .await;
    assert_eq!(
        asked,
        [
            ("10.0.0.1".into(), 8081, "healthy".into(), String::new()),
            (
                "10.0.0.9".into(),
                9000,
                "unused".into(),
                "Target.NotRegistered".into()
            ),
        ]
    );

    // Deregistration drains for the delay, then the target is gone.
    client
        .modify_target_group_attributes()
        .target_group_arn(&tg)
        .attributes(
            TargetGroupAttribute::builder()
                .key("deregistration_delay.timeout_seconds")
                .value("1")
                .build(),
        )
        .send()
        .await
        .unwrap();
    client
        .deregister_targets()
        .target_group_arn(&tg)
        .targets(ip("10.0.0.1", 8081))
        .targets(ip("10.0.0.8", 8088))
        .send()
        .await
        .expect("deregistering a target that is not registered succeeds");
    let drained = health(&client, &tg, Some(vec![ip("10.0.0.1", 8081)])).await;
    assert_eq!(drained[0].2, "draining");
    assert_eq!(drained[0].3, "Target.DeregistrationInProgress");
    let config = app.elbv2_configuration();
    let draining_target = config.target_groups[0]
        .targets
        .iter()
        .find(|t| t.id == "10.0.0.1")
        .expect("a draining target stays in the data plane's configuration");
    assert!(draining_target.draining.is_some());
    wait_for("the target to drain", Duration::from_secs(10), || {
        let client = client.clone();
        let tg = tg.clone();
        async move {
            let now = health(&client, &tg, Some(vec![ip("10.0.0.1", 8081)])).await;
            (now[0].2 == "unused" && now[0].3 == "Target.NotRegistered").then_some(())
        }
    })
    .await;
    // The data plane can end draining early, once a target has no connections left.
    client
        .modify_target_group_attributes()
        .target_group_arn(&tg)
        .attributes(
            TargetGroupAttribute::builder()
                .key("deregistration_delay.timeout_seconds")
                .value("3600")
                .build(),
        )
        .send()
        .await
        .unwrap();
    client
        .deregister_targets()
        .target_group_arn(&tg)
        .targets(ip("10.0.0.2", 8082))
        .send()
        .await
        .unwrap();
    assert_eq!(
        health(&client, &tg, Some(vec![ip("10.0.0.2", 8082)])).await[0].2,
        "draining"
    );
    app.elbv2_finish_draining(&tg, &[("10.0.0.2".into(), 8082)])
        .await
        .unwrap();
    assert_eq!(
        health(&client, &tg, Some(vec![ip("10.0.0.2", 8082)])).await[0].3,
        "Target.NotRegistered"
    );
    // Registered again, a target starts over: old health does not apply.
    client
        .register_targets()
        .target_group_arn(&tg)
        .targets(ip("10.0.0.2", 8082))
        .send()
        .await
        .unwrap();
    assert_eq!(
        health(&client, &tg, Some(vec![ip("10.0.0.2", 8082)])).await[0].2,
        "initial"
    );

    // Invalid targets.
    for bad in [
        ip("web-1", 80),
        ip("::1", 80),
        ip("0.0.0.0", 80),
        ip("224.0.0.1", 80),
    ] {
        let result = client
            .register_targets()
            .target_group_arn(&tg)
            .targets(bad.clone())
            .send()
            .await;
        assert_eq!(error(result), "InvalidTarget", "{bad:?}");
    }
    let zone = client
        .register_targets()
        .target_group_arn(&tg)
        .targets(
            TargetDescription::builder()
                .id("10.0.0.4")
                .availability_zone("us-east-1a")
                .build(),
        )
        .send()
        .await;
    assert_eq!(error(zone), "ValidationError");
    let missing = client
        .register_targets()
        .target_group_arn(format!("{PREFIX}targetgroup/nope/0123456789abcdef"))
        .targets(ip("10.0.0.1", 80))
        .send()
        .await;
    assert_eq!(error(missing), "TargetGroupNotFound");
    assert_eq!(
        error(
            client
                .describe_target_health()
                .target_group_arn(format!("{PREFIX}targetgroup/nope/0123456789abcdef"))
                .send()
                .await
        ),
        "TargetGroupNotFound"
    );
    assert_eq!(
        error(
            client
                .describe_target_health()
                .target_group_arn(&tg)
                .targets(ip("not-an-ip", 80))
                .send()
                .await
        ),
        "InvalidTarget"
    );
}

#[tokio::test]
async fn a_group_holds_at_most_a_thousand_targets() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let tg = http_group(&client, "many").await;
    let batch = |from: u32, count: u32| -> Vec<TargetDescription> {
        (from..from + count)
            .map(|i| ip(&format!("10.1.{}.{}", i / 250, i % 250 + 1), 80))
            .collect()
    };
    client
        .register_targets()
        .target_group_arn(&tg)
        .set_targets(Some(batch(0, 1000)))
        .send()
        .await
        .unwrap();
    let over = client
        .register_targets()
        .target_group_arn(&tg)
        .set_targets(Some(batch(1000, 1)))
        .send()
        .await;
    assert_eq!(error(over), "TooManyTargets");
    assert_eq!(health(&client, &tg, None).await.len(), 1000);
}

#[tokio::test]
async fn instance_targets_are_container_instances() {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Fake,
        ..Options::default()
    })
    .await;
    let client = client(&cluster);
    let instances = cluster
        .client
        .describe_container_instances()
        .container_instances(cluster.wait_for_instances(1).await[0].clone())
        .send()
        .await
        .unwrap();
    let host = instances.container_instances()[0]
        .ec2_instance_id()
        .expect("an ec2InstanceId")
        .to_owned();
    let tg = target_group(&client, "web", ProtocolEnum::Http, TargetTypeEnum::Instance).await;
    client
        .register_targets()
        .target_group_arn(&tg)
        .targets(TargetDescription::builder().id(&host).port(32768).build())
        .send()
        .await
        .unwrap();
    let shown = health(&client, &tg, None).await;
    assert_eq!(shown[0].0, host);
    assert_eq!(shown[0].1, 32768);
    let unknown = client
        .register_targets()
        .target_group_arn(&tg)
        .targets(
            TargetDescription::builder()
                .id("i-0123456789abcdef0")
                .port(80)
                .build(),
        )
        .send()
        .await;
    assert_eq!(error(unknown), "InvalidTarget");
    let zone = client
        .register_targets()
        .target_group_arn(&tg)
        .targets(
            TargetDescription::builder()
                .id(&host)
                .availability_zone("all")
                .build(),
        )
        .send()
        .await;
    assert_eq!(
        error(zone),
        "ValidationError",
        "no zones for instance targets"
    );
}

#[tokio::test]
async fn tags_span_resource_types_and_change_all_or_nothing() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    let lb = load_balancer(&client, "web").await;
    let tg = http_group(&client, "web").await;
    let listener = listener(&client, &lb, 8080, &tg).await;
    let rule = client
        .create_rule()
        .listener_arn(&listener)
        .priority(1)
        .conditions(path(&["/a"]))
        .actions(forward(&tg))
        .tags(tag("created", "with-rule"))
        .send()
        .await
        .unwrap();
    let rule = rule.rules()[0].rule_arn().unwrap().to_owned();
    let default_rule = client
        .describe_rules()
        .listener_arn(&listener)
        .send()
        .await
        .unwrap()
        .rules()
        .iter()
        .find(|r| r.is_default() == Some(true))
        .and_then(|r| r.rule_arn())
        .unwrap()
        .to_owned();
    let all = [&lb, &tg, &listener, &rule, &default_rule];
    let mut add = client.add_tags().tags(tag("team", "web"));
    for arn in all {
        add = add.resource_arns(arn.clone());
    }
    add.send().await.unwrap();
    let described = client
        .describe_tags()
        .set_resource_arns(Some(all.iter().map(|a| a.to_string()).collect()))
        .send()
        .await
        .unwrap();
    assert_eq!(described.tag_descriptions().len(), 5);
    for description in described.tag_descriptions() {
        assert!(
            description
                .tags()
                .iter()
                .any(|t| t.key() == Some("team") && t.value() == Some("web")),
            "{description:?}"
        );
    }
    let rule_tags = described
        .tag_descriptions()
        .iter()
        .find(|d| d.resource_arn() == Some(rule.as_str()))
        .unwrap();
    assert_eq!(rule_tags.tags().len(), 2, "the rule's own tag is kept");
    let listener_tags = described
        .tag_descriptions()
        .iter()
        .find(|d| d.resource_arn() == Some(listener.as_str()))
        .unwrap();
    assert_eq!(
        listener_tags.tags().len(),
        1,
        "a listener and its default rule have their own tags"
    );

    // One missing resource: nothing changes anywhere.
    let missing = format!("{PREFIX}loadbalancer/app/gone/0123456789abcdef");
    let partial = client
        .add_tags()
        .resource_arns(&tg)
        .resource_arns(&missing)
        .tags(tag("env", "prod"))
        .send()
        .await;
    assert_eq!(error(partial), "LoadBalancerNotFound");
    let tg_tags = client
        .describe_tags()
        .resource_arns(&tg)
        .send()
        .await
        .unwrap();
    assert_eq!(tg_tags.tag_descriptions()[0].tags().len(), 1);

    let duplicate = client
        .add_tags()
        .resource_arns(&tg)
        .tags(tag("a", "1"))
        .tags(tag("a", "2"))
        .send()
        .await;
    assert_eq!(error(duplicate), "DuplicateTagKeys");
    let reserved = client
        .add_tags()
        .resource_arns(&tg)
        .tags(tag("aws:x", "1"))
        .send()
        .await;
    assert_eq!(error(reserved), "ValidationError");
    let mut many = client.add_tags().resource_arns(&tg);
    for i in 0..50 {
        many = many.tags(tag(&format!("k{i}"), "v"));
    }
    assert_eq!(error(many.send().await), "TooManyTags", "50 new plus team");

    client
        .remove_tags()
        .resource_arns(&lb)
        .resource_arns(&default_rule)
        .tag_keys("team")
        .send()
        .await
        .unwrap();
    let after = client
        .describe_tags()
        .resource_arns(&lb)
        .resource_arns(&default_rule)
        .resource_arns(&listener)
        .send()
        .await
        .unwrap();
    let counts: Vec<_> = after
        .tag_descriptions()
        .iter()
        .map(|d| d.tags().len())
        .collect();
    assert_eq!(counts, [0, 0, 1]);
    assert_eq!(
        error(
            client
                .remove_tags()
                .resource_arns(&missing)
                .tag_keys("team")
                .send()
                .await
        ),
        "LoadBalancerNotFound"
    );
    assert_eq!(
        error(
            client
                .describe_tags()
                .resource_arns(format!("{PREFIX}targetgroup/gone/0123456789abcdef"))
                .send()
                .await
        ),
        "TargetGroupNotFound"
    );
}

#[tokio::test]
async fn describe_calls_page_with_markers() {
    let cluster = TestCluster::start().await;
    let client = client(&cluster);
    for i in 0..5 {
        http_group(&client, &format!("group-{i}")).await;
    }
    let mut marker = None;
    let mut names = Vec::new();
    let mut pages = 0;
    loop {
        let page = client
            .describe_target_groups()
            .page_size(2)
            .set_marker(marker)
            .send()
            .await
            .unwrap();
        pages += 1;
        names.extend(
            page.target_groups()
                .iter()
                .filter_map(|t| t.target_group_name().map(str::to_owned)),
        );
        marker = page.next_marker().map(str::to_owned);
        if marker.is_none() {
            break;
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(
        names,
        ["group-0", "group-1", "group-2", "group-3", "group-4"]
    );
    // The SDK's paginator follows NextMarker too.
    let pages: Vec<_> = client
        .describe_target_groups()
        .page_size(4)
        .into_paginator()
        .send()
        .collect::<Vec<_>>()
        .await;
    assert_eq!(pages.len(), 2);
    assert_eq!(
        error(client.describe_target_groups().marker("zz").send().await),
        "ValidationError"
    );
    assert_eq!(
        error(client.describe_load_balancers().page_size(401).send().await),
        "ValidationError"
    );

    // Load balancers, listeners (by port) and rules (by priority, the default rule last)
    // page the same way.
    let lbs: Vec<String> = {
        let mut arns = Vec::new();
        for name in ["lb-c", "lb-a", "lb-b"] {
            arns.push(load_balancer(&client, name).await);
        }
        arns
    };
    let first = client
        .describe_load_balancers()
        .page_size(2)
        .send()
        .await
        .unwrap();
    let second = client
        .describe_load_balancers()
        .page_size(2)
        .set_marker(first.next_marker().map(str::to_owned))
        .send()
        .await
        .unwrap();
    let names: Vec<&str> = first
        .load_balancers()
        .iter()
        .chain(second.load_balancers())
        .filter_map(|lb| lb.load_balancer_name())
        .collect();
    assert_eq!(names, ["lb-a", "lb-b", "lb-c"]);
    assert_eq!(second.next_marker(), None);

    let tg = http_group(&client, "paged").await;
    let mut listeners = Vec::new();
    for port in [8082, 8080, 8081] {
        listeners.push(listener(&client, &lbs[0], port, &tg).await);
    }
    let first = client
        .describe_listeners()
        .load_balancer_arn(&lbs[0])
        .page_size(2)
        .send()
        .await
        .unwrap();
    let second = client
        .describe_listeners()
        .load_balancer_arn(&lbs[0])
        .page_size(2)
        .set_marker(first.next_marker().map(str::to_owned))
        .send()
        .await
        .unwrap();
    let ports: Vec<i32> = first
        .listeners()
        .iter()
        .chain(second.listeners())
        .filter_map(|l| l.port())
        .collect();
    assert_eq!(ports, [8080, 8081, 8082]);
    assert_eq!(second.next_marker(), None);

    for priority in [30, 10, 20] {
        client
            .create_rule()
            .listener_arn(&listeners[0])
            .priority(priority)
            .conditions(path(&[&format!("/{priority}")]))
            .actions(forward(&tg))
            .send()
            .await
            .unwrap();
    }
    let mut priorities = Vec::new();
    let mut marker = None;
    loop {
        let page = client
            .describe_rules()
            .listener_arn(&listeners[0])
            .page_size(3)
            .set_marker(marker)
            .send()
            .await
            .unwrap();
        priorities.extend(
            page.rules()
                .iter()
                .filter_map(|r| r.priority().map(str::to_owned)),
        );
        marker = page.next_marker().map(str::to_owned);
        if marker.is_none() {
            break;
        }
    }
    assert_eq!(priorities, ["10", "20", "30", "default"]);
    assert_eq!(
        error(
            client
                .describe_rules()
                .listener_arn(&listeners[0])
                .page_size(0)
                .send()
                .await
        ),
        "ValidationError"
    );
}

#[tokio::test]
async fn the_configuration_survives_a_restart() {
    let mut cluster = TestCluster::start().await;
    let elb = client(&cluster);
    let lb = load_balancer(&elb, "web").await;
    let tg = http_group(&elb, "web").await;
    let listener = listener(&elb, &lb, 8080, &tg).await;
    elb.create_rule()
        .listener_arn(&listener)
        .priority(5)
        .conditions(path(&["/api/*"]))
        .actions(forward(&tg))
        .send()
        .await
        .unwrap();
    elb.register_targets()
        .target_group_arn(&tg)
        .targets(ip("10.0.0.1", 8080))
        .send()
        .await
        .unwrap();
    cluster
        .server
        .app
        .elbv2_record_load_balancer_state(
            &lb,
            berth_api::elbv2::LoadBalancerStateEnum::Active,
            None,
        )
        .await
        .unwrap();
    let before = cluster.server.app.elbv2_configuration();

    cluster.restart().await;
    let elb = client(&cluster);
    let after = cluster.server.app.elbv2_configuration();
    assert_eq!(after.generation, before.generation);
    assert_eq!(after.load_balancers, before.load_balancers);
    assert_eq!(after.target_groups, before.target_groups);
    let described = elb.describe_load_balancers().send().await.unwrap();
    assert_eq!(
        described.load_balancers()[0].state().and_then(|s| s.code()),
        Some(&LoadBalancerStateEnum::Active),
        "the reported state is kept too"
    );
    let rules = elb
        .describe_rules()
        .listener_arn(&listener)
        .send()
        .await
        .unwrap();
    assert_eq!(rules.rules().len(), 2);
    assert_eq!(health(&elb, &tg, None).await.len(), 1);
}
