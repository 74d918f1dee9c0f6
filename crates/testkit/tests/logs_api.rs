//! The CloudWatch Logs API through `aws-sdk-cloudwatchlogs` against a real server: every
//! operation, CloudWatch's exceptions, pagination, retention, tags, the refusal of
//! members berth does not offer, and authorization (a principal without policies is
//! refused, and a refused call changes nothing).

mod api_support;
mod iam_support;
mod logs_support;

use std::collections::BTreeSet;
use std::time::{SystemTime, UNIX_EPOCH};

use api_support::code;
use aws_sdk_cloudwatchlogs::types::{InputLogEvent, LogGroupClass, OrderBy};
use berth_testkit::TestCluster;
use logs_support::{filter_all, logs_client, logs_client_with, message, stream_events};

const ARN_PREFIX: &str = "arn:aws:logs:us-east-1:000000000000:log-group:";

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_millis() as i64
}

fn event(timestamp: i64, message: &str) -> InputLogEvent {
    InputLogEvent::builder()
        .timestamp(timestamp)
        .message(message)
        .build()
        .expect("an event")
}

#[tokio::test(flavor = "multi_thread")]
async fn log_groups_retention_and_tags() {
    let cluster = TestCluster::start().await;
    let logs = logs_client(&cluster);

    logs.create_log_group()
        .log_group_name("/ecs/web")
        .tags("team", "payments")
        .send()
        .await
        .expect("CreateLogGroup");
    let again = logs
        .create_log_group()
        .log_group_name("/ecs/web")
        .send()
        .await
        .expect_err("a second group of that name");
    assert_eq!(code(&again), "ResourceAlreadyExistsException");
    for name in ["/ecs/worker", "/other/one"] {
        logs.create_log_group()
            .log_group_name(name)
            .send()
            .await
            .expect("CreateLogGroup");
    }
    // Refused members name themselves and create nothing.
    let kms = logs
        .create_log_group()
        .log_group_name("/kms")
        .kms_key_id("arn:aws:kms:us-east-1:000000000000:key/1")
        .send()
        .await
        .expect_err("KMS is not offered");
    assert_eq!(code(&kms), "InvalidParameterException");
    assert!(message(&kms).contains("kmsKeyId"), "{}", message(&kms));
    let class = logs
        .create_log_group()
        .log_group_name("/ia")
        .log_group_class(LogGroupClass::InfrequentAccess)
        .send()
        .await
        .expect_err("only STANDARD");
    assert!(message(&class).contains("logGroupClass"));
    let bad_name = logs
        .create_log_group()
        .log_group_name("has space")
        .send()
        .await
        .expect_err("a bad name");
    assert_eq!(code(&bad_name), "InvalidParameterException");

    // Listing by prefix, one page at a time.
    let mut names = Vec::new();
    let mut token = None;
    loop {
        let page = logs
            .describe_log_groups()
            .log_group_name_prefix("/ecs/")
            .limit(1)
            .set_next_token(token)
            .send()
            .await
            .expect("DescribeLogGroups");
        assert!(page.log_groups().len() <= 1);
        names.extend(
            page.log_groups()
                .iter()
                .filter_map(|g| g.log_group_name().map(str::to_owned)),
        );
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(names, ["/ecs/web", "/ecs/worker"]);
    let all = logs.describe_log_groups().send().await.expect("all groups");
    assert_eq!(all.log_groups().len(), 3);
    let web = &all.log_groups()[0];
    assert_eq!(web.log_group_name(), Some("/ecs/web"));
    assert_eq!(web.arn(), Some(format!("{ARN_PREFIX}/ecs/web:*").as_str()));
    assert_eq!(
        web.log_group_arn(),
        Some(format!("{ARN_PREFIX}/ecs/web").as_str())
    );
    assert!(web.creation_time().unwrap_or(0) > 0);
    assert_eq!(web.retention_in_days(), None);
    assert_eq!(web.log_group_class(), Some(&LogGroupClass::Standard));

    // Retention: CloudWatch's values only.
    let bad = logs
        .put_retention_policy()
        .log_group_name("/ecs/web")
        .retention_in_days(2)
        .send()
        .await
        .expect_err("2 days is not a CloudWatch value");
    assert_eq!(code(&bad), "InvalidParameterException");
    logs.put_retention_policy()
        .log_group_name("/ecs/web")
        .retention_in_days(7)
        .send()
        .await
        .expect("PutRetentionPolicy");
    let described = logs
        .describe_log_groups()
        .log_group_name_prefix("/ecs/web")
        .send()
        .await
        .expect("DescribeLogGroups");
    assert_eq!(described.log_groups()[0].retention_in_days(), Some(7));
    logs.delete_retention_policy()
        .log_group_name("/ecs/web")
        .send()
        .await
        .expect("DeleteRetentionPolicy");
    let described = logs
        .describe_log_groups()
        .log_group_identifiers("/ecs/web")
        .send()
        .await
        .expect("DescribeLogGroups by identifier");
    assert_eq!(described.log_groups().len(), 1);
    assert_eq!(described.log_groups()[0].retention_in_days(), None);
    let missing = logs
        .put_retention_policy()
        .log_group_name("/nope")
        .retention_in_days(1)
        .send()
        .await
        .expect_err("no such group");
    assert_eq!(code(&missing), "ResourceNotFoundException");

    // Tags on the group's ARN, with or without the trailing `:*`.
    let arn = format!("{ARN_PREFIX}/ecs/web");
    logs.tag_resource()
        .resource_arn(format!("{arn}:*"))
        .tags("env", "prod")
        .send()
        .await
        .expect("TagResource");
    let tags = logs
        .list_tags_for_resource()
        .resource_arn(&arn)
        .send()
        .await
        .expect("ListTagsForResource");
    let tags = tags.tags().cloned().unwrap_or_default();
    assert_eq!(tags.get("team").map(String::as_str), Some("payments"));
    assert_eq!(tags.get("env").map(String::as_str), Some("prod"));
    logs.untag_resource()
        .resource_arn(&arn)
        .tag_keys("team")
        .send()
        .await
        .expect("UntagResource");
    let tags = logs
        .list_tags_for_resource()
        .resource_arn(&arn)
        .send()
        .await
        .expect("ListTagsForResource")
        .tags()
        .cloned()
        .unwrap_or_default();
    assert_eq!(tags.keys().collect::<Vec<_>>(), ["env"]);
    let mut too_many = logs.tag_resource().resource_arn(&arn);
    for i in 0..50 {
        too_many = too_many.tags(format!("k{i}"), "v");
    }
    let err = too_many.send().await.expect_err("51 tags");
    assert_eq!(code(&err), "TooManyTagsException");
    let reserved = logs
        .tag_resource()
        .resource_arn(&arn)
        .tags("aws:owner", "x")
        .send()
        .await
        .expect_err("aws: is reserved");
    assert_eq!(code(&reserved), "InvalidParameterException");
    let not_a_group = logs
        .list_tags_for_resource()
        .resource_arn("arn:aws:ecs:us-east-1:000000000000:cluster/default")
        .send()
        .await
        .expect_err("not a log group ARN");
    assert_eq!(code(&not_a_group), "InvalidParameterException");

    // Deleting a group deletes it once.
    logs.delete_log_group()
        .log_group_name("/other/one")
        .send()
        .await
        .expect("DeleteLogGroup");
    let gone = logs
        .delete_log_group()
        .log_group_name("/other/one")
        .send()
        .await
        .expect_err("already deleted");
    assert_eq!(code(&gone), "ResourceNotFoundException");
    let left = logs.describe_log_groups().send().await.expect("groups");
    assert_eq!(left.log_groups().len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn streams_put_get_and_filter() {
    let cluster = TestCluster::start().await;
    let logs = logs_client(&cluster);
    let group = "/app";
    logs.create_log_group()
        .log_group_name(group)
        .send()
        .await
        .expect("CreateLogGroup");
    for stream in ["web/1", "web/2", "worker/1"] {
        logs.create_log_stream()
            .log_group_name(group)
            .log_stream_name(stream)
            .send()
            .await
            .expect("CreateLogStream");
    }
    let again = logs
        .create_log_stream()
        .log_group_name(group)
        .log_stream_name("web/1")
        .send()
        .await
        .expect_err("a second stream of that name");
    assert_eq!(code(&again), "ResourceAlreadyExistsException");
    let no_group = logs
        .create_log_stream()
        .log_group_name("/none")
        .log_stream_name("s")
        .send()
        .await
        .expect_err("no group");
    assert_eq!(code(&no_group), "ResourceNotFoundException");

    // Events: a sequence token is accepted and ignored, as CloudWatch does now.
    let t0 = now_ms() - 60_000;
    let put = logs
        .put_log_events()
        .log_group_name(group)
        .log_stream_name("web/1")
        .sequence_token("49039859613988482171010235723598163432906046284443533314")
        .log_events(event(t0, "GET / 200"))
        .log_events(event(t0 + 1, "ERROR timeout talking to db"))
        .log_events(event(t0 + 2, "GET /health 200"))
        .send()
        .await
        .expect("PutLogEvents");
    assert!(put.rejected_log_events_info().is_none());
    logs.put_log_events()
        .log_group_name(group)
        .log_stream_name("web/2")
        .log_events(event(t0 + 1, "ERROR disk full"))
        .send()
        .await
        .expect("PutLogEvents");
    logs.put_log_events()
        .log_group_name(group)
        .log_stream_name("worker/1")
        .log_events(event(t0 + 3, "job done"))
        .send()
        .await
        .expect("PutLogEvents");

    // Too old and too new events are rejected and reported, the rest stored.
    let day = 24 * 3_600_000;
    let put = logs
        .put_log_events()
        .log_group_name(group)
        .log_stream_name("worker/1")
        .log_events(event(now_ms() - 15 * day, "too old"))
        .log_events(event(t0 + 4, "kept"))
        .log_events(event(now_ms() + 3 * 3_600_000, "too new"))
        .send()
        .await
        .expect("PutLogEvents with rejected events");
    let rejected = put.rejected_log_events_info().expect("rejected events");
    assert_eq!(rejected.too_old_log_event_end_index(), Some(1));
    assert_eq!(rejected.too_new_log_event_start_index(), Some(2));
    // A batch out of order fails whole and stores nothing.
    let unordered = logs
        .put_log_events()
        .log_group_name(group)
        .log_stream_name("worker/1")
        .log_events(event(t0 + 10, "b"))
        .log_events(event(t0 + 9, "a"))
        .send()
        .await
        .expect_err("events out of order");
    assert_eq!(code(&unordered), "InvalidParameterException");
    assert!(message(&unordered).contains("chronological"));
    let no_stream = logs
        .put_log_events()
        .log_group_name(group)
        .log_stream_name("nope")
        .log_events(event(t0, "x"))
        .send()
        .await
        .expect_err("no such stream");
    assert_eq!(code(&no_stream), "ResourceNotFoundException");

    let worker: Vec<_> = stream_events(&logs, group, "worker/1")
        .await
        .into_iter()
        .filter_map(|e| e.message().map(str::to_owned))
        .collect();
    assert_eq!(worker, ["job done", "kept"]);

    // GetLogEvents: newest first page by default, tokens both ways, limits.
    let page = logs
        .get_log_events()
        .log_group_name(group)
        .log_stream_name("web/1")
        .limit(2)
        .send()
        .await
        .expect("GetLogEvents");
    let newest: Vec<_> = page.events().iter().filter_map(|e| e.message()).collect();
    assert_eq!(newest, ["ERROR timeout talking to db", "GET /health 200"]);
    let older = logs
        .get_log_events()
        .log_group_identifier(format!("{ARN_PREFIX}{group}"))
        .log_stream_name("web/1")
        .limit(2)
        .next_token(page.next_backward_token().expect("a backward token"))
        .send()
        .await
        .expect("GetLogEvents backward");
    let older: Vec<_> = older.events().iter().filter_map(|e| e.message()).collect();
    assert_eq!(older, ["GET / 200"]);
    let windowed = logs
        .get_log_events()
        .log_group_name(group)
        .log_stream_name("web/1")
        .start_time(t0 + 1)
        .end_time(t0 + 2)
        .start_from_head(true)
        .send()
        .await
        .expect("GetLogEvents in a window");
    assert_eq!(windowed.events().len(), 1, "endTime is exclusive");
    let both = logs
        .get_log_events()
        .log_group_name(group)
        .log_group_identifier(group)
        .log_stream_name("web/1")
        .send()
        .await
        .expect_err("name and identifier together");
    assert_eq!(code(&both), "InvalidParameterException");

    // FilterLogEvents: a term across streams, interleaved in time order, with IDs.
    let errors = filter_all(&logs, group, "ERROR").await;
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.log_stream_name().unwrap_or(""), e.message().unwrap_or("")))
        .collect();
    assert_eq!(
        found,
        [
            ("web/1", "ERROR timeout talking to db"),
            ("web/2", "ERROR disk full")
        ]
    );
    let everything = filter_all(&logs, group, "").await;
    assert_eq!(everything.len(), 6);
    let ids: BTreeSet<_> = everything.iter().filter_map(|e| e.event_id()).collect();
    assert_eq!(ids.len(), 6, "event IDs are unique");
    let timestamps: Vec<_> = everything.iter().filter_map(|e| e.timestamp()).collect();
    assert!(
        timestamps.windows(2).all(|w| w[0] <= w[1]),
        "{timestamps:?}"
    );
    // `interleaved` is deprecated (always true); it is still accepted.
    #[allow(deprecated)]
    let paged = logs
        .filter_log_events()
        .log_group_name(group)
        .interleaved(true)
        .limit(4)
        .send()
        .await
        .expect("FilterLogEvents with a limit");
    assert_eq!(paged.events().len(), 4);
    let rest = logs
        .filter_log_events()
        .log_group_name(group)
        .limit(4)
        .next_token(paged.next_token().expect("more to come"))
        .send()
        .await
        .expect("FilterLogEvents page 2");
    assert_eq!(rest.events().len(), 2);
    let web = logs
        .filter_log_events()
        .log_group_name(group)
        .log_stream_name_prefix("web/")
        .filter_pattern("-ERROR")
        .send()
        .await
        .expect("FilterLogEvents by prefix");
    let web: Vec<_> = web.events().iter().filter_map(|e| e.message()).collect();
    assert_eq!(web, ["GET / 200", "GET /health 200"]);
    let named = logs
        .filter_log_events()
        .log_group_name(group)
        .log_stream_names("worker/1")
        .start_time(t0 + 4)
        .send()
        .await
        .expect("FilterLogEvents by name");
    assert_eq!(named.events().len(), 1);
    let exclusive = logs
        .filter_log_events()
        .log_group_name(group)
        .log_stream_names("web/1")
        .log_stream_name_prefix("web")
        .send()
        .await
        .expect_err("names and prefix together");
    assert_eq!(code(&exclusive), "InvalidParameterException");
    let json = logs
        .filter_log_events()
        .log_group_name(group)
        .filter_pattern("{ $.level = \"error\" }")
        .send()
        .await
        .expect_err("JSON patterns are not offered");
    assert_eq!(code(&json), "InvalidParameterException");

    // DescribeLogStreams: by name with a prefix, or by last event time.
    let streams = logs
        .describe_log_streams()
        .log_group_name(group)
        .log_stream_name_prefix("web/")
        .send()
        .await
        .expect("DescribeLogStreams");
    let names: Vec<_> = streams
        .log_streams()
        .iter()
        .filter_map(|s| s.log_stream_name())
        .collect();
    assert_eq!(names, ["web/1", "web/2"]);
    let web1 = &streams.log_streams()[0];
    assert_eq!(web1.first_event_timestamp(), Some(t0));
    assert_eq!(web1.last_event_timestamp(), Some(t0 + 2));
    assert_eq!(
        web1.arn(),
        Some(format!("{ARN_PREFIX}{group}:log-stream:web/1").as_str())
    );
    let by_time = logs
        .describe_log_streams()
        .log_group_name(group)
        .order_by(OrderBy::LastEventTime)
        .descending(true)
        .limit(1)
        .send()
        .await
        .expect("DescribeLogStreams by time");
    assert_eq!(by_time.log_streams()[0].log_stream_name(), Some("worker/1"));
    assert!(by_time.next_token().is_some());

    logs.delete_log_stream()
        .log_group_name(group)
        .log_stream_name("web/2")
        .send()
        .await
        .expect("DeleteLogStream");
    let gone = logs
        .get_log_events()
        .log_group_name(group)
        .log_stream_name("web/2")
        .send()
        .await
        .expect_err("deleted stream");
    assert_eq!(code(&gone), "ResourceNotFoundException");
    assert_eq!(filter_all(&logs, group, "ERROR").await.len(), 1);
}

/// Operations go to the blocking pool: a burst of concurrent writers to different streams
/// all land, and what each read back is exactly what it wrote.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_writers_each_keep_their_order() {
    let cluster = TestCluster::start().await;
    let logs = logs_client(&cluster);
    logs.create_log_group()
        .log_group_name("burst")
        .send()
        .await
        .expect("CreateLogGroup");
    let t0 = now_ms();
    let mut writers = Vec::new();
    for w in 0..8 {
        let logs = logs.clone();
        writers.push(tokio::spawn(async move {
            let stream = format!("w{w}");
            logs.create_log_stream()
                .log_group_name("burst")
                .log_stream_name(&stream)
                .send()
                .await
                .expect("CreateLogStream");
            for batch in 0..10 {
                let mut put = logs
                    .put_log_events()
                    .log_group_name("burst")
                    .log_stream_name(&stream);
                for i in 0..100 {
                    put = put.log_events(event(t0 + batch, &format!("{w}:{batch}:{i}")));
                }
                put.send().await.expect("PutLogEvents");
            }
        }));
    }
    for writer in writers {
        writer.await.expect("a writer");
    }
    for w in 0..8 {
        let got: Vec<String> = stream_events(&logs, "burst", &format!("w{w}"))
            .await
            .into_iter()
            .filter_map(|e| e.message().map(str::to_owned))
            .collect();
        let expected: Vec<String> = (0..10)
            .flat_map(|b| (0..100).map(move |i| format!("{w}:{b}:{i}")))
            .collect();
        assert_eq!(got, expected);
    }
    assert_eq!(filter_all(&logs, "burst", "").await.len(), 8000);
}

/// A principal without policies is refused every Logs action, with AWS's message naming
/// the action and the resource; the refused call changes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_role_session_gets_exactly_what_its_policy_allows() {
    let cluster = TestCluster::start().await;
    let admin = logs_client(&cluster);
    admin
        .create_log_group()
        .log_group_name("/secure")
        .send()
        .await
        .expect("CreateLogGroup");
    admin
        .create_log_stream()
        .log_group_name("/secure")
        .log_stream_name("s")
        .send()
        .await
        .expect("CreateLogStream");
    // A role session whose only policy allows reading the group's events.
    let role = iam_support::role_with_policy(
        &cluster,
        "reader",
        &iam_support::trust_aws(iam_support::ACCOUNT),
        Some(&iam_support::allow(
            r#""logs:GetLogEvents""#,
            &format!(r#""{ARN_PREFIX}/secure:log-stream:*""#),
        )),
    )
    .await;
    let session = iam_support::sts(&cluster, cluster.admin_credentials())
        .assume_role()
        .role_arn(role)
        .role_session_name("test")
        .send()
        .await
        .expect("AssumeRole")
        .credentials
        .expect("credentials");
    let user = logs_client_with(
        &cluster,
        session.access_key_id(),
        session.secret_access_key(),
        Some(session.session_token().to_owned()),
    );
    user.get_log_events()
        .log_group_name("/secure")
        .log_stream_name("s")
        .send()
        .await
        .expect("the role's policy allows GetLogEvents");
    let put = user
        .put_log_events()
        .log_group_name("/secure")
        .log_stream_name("s")
        .log_events(event(now_ms(), "should not land"))
        .send()
        .await
        .expect_err("no policy allows PutLogEvents");
    assert_eq!(code(&put), "AccessDeniedException");
    let text = message(&put);
    assert!(
        text.contains("logs:PutLogEvents")
            && text.contains(&format!("{ARN_PREFIX}/secure:log-stream:s")),
        "{text}"
    );
    let create = user
        .create_log_group()
        .log_group_name("/mine")
        .send()
        .await
        .expect_err("no policy allows CreateLogGroup");
    assert_eq!(code(&create), "AccessDeniedException");
    let describe = user
        .describe_log_groups()
        .send()
        .await
        .expect_err("no policy allows DescribeLogGroups");
    assert!(message(&describe).contains(&format!("{ARN_PREFIX}:log-stream:")));
    let filter = user
        .filter_log_events()
        .log_group_name("/secure")
        .send()
        .await
        .expect_err("no policy allows FilterLogEvents");
    assert!(message(&filter).contains(&format!("{ARN_PREFIX}/secure:log-stream:")));
    // Nothing changed.
    assert!(stream_events(&admin, "/secure", "s").await.is_empty());
    let groups = admin.describe_log_groups().send().await.expect("groups");
    assert_eq!(groups.log_groups().len(), 1);
    // An unknown access key is refused before any action.
    let unsigned = logs_client_with(&cluster, "AKNOTAKEY", "secret", None)
        .describe_log_groups()
        .send()
        .await
        .expect_err("an unknown key");
    assert_eq!(code(&unsigned), "UnrecognizedClientException");
}

/// awslogs options berth cannot apply are refused at registration, naming the option, and
/// nothing is stored; the same definition with options berth applies registers.
#[tokio::test(flavor = "multi_thread")]
async fn awslogs_options_berth_cannot_apply_are_refused_at_registration() {
    use aws_sdk_ecs::types::{ContainerDefinition, LogConfiguration, LogDriver};
    let cluster = TestCluster::start().await;
    let register = |options: &[(&str, &str)]| {
        let mut config = LogConfiguration::builder().log_driver(LogDriver::Awslogs);
        for (name, value) in options {
            config = config.options(*name, *value);
        }
        cluster
            .client
            .register_task_definition()
            .family("awslogs-options")
            .container_definitions(
                ContainerDefinition::builder()
                    .name("app")
                    .image("busybox")
                    .memory(64)
                    .log_configuration(config.build().expect("a log configuration"))
                    .build(),
            )
            .send()
    };
    let base = [
        ("awslogs-group", "/ecs/app"),
        ("awslogs-stream-prefix", "app"),
    ];
    for (extra, named) in [
        (("awslogs-region", "eu-west-1"), "awslogs-region"),
        (
            ("awslogs-multiline-pattern", "^INFO"),
            "awslogs-multiline-pattern",
        ),
        (
            ("awslogs-endpoint", "https://logs.example"),
            "awslogs-endpoint",
        ),
        (("mode", "sometimes"), "mode"),
    ] {
        let mut options = base.to_vec();
        if extra.0 != "awslogs-region" {
            options.push(("awslogs-region", "us-east-1"));
        }
        options.push(extra);
        let err = register(&options).await.expect_err("refused");
        assert_eq!(code(&err), "ClientException", "{extra:?}");
        assert!(message(&err).contains(named), "{}", message(&err));
    }
    let families = cluster
        .client
        .list_task_definition_families()
        .send()
        .await
        .expect("ListTaskDefinitionFamilies");
    assert!(families.families().is_empty(), "nothing was stored");
    let mut options = base.to_vec();
    options.extend([
        ("awslogs-region", "us-east-1"),
        ("awslogs-create-group", "true"),
        ("mode", "non-blocking"),
        ("max-buffer-size", "4m"),
    ]);
    register(&options).await.expect("options berth applies");
}
