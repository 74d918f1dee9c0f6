//! Helpers shared by the CloudWatch Logs tests (`logs_*.rs`): an `aws-sdk-cloudwatchlogs`
//! client for a test server, reading a whole stream or query, and the message of a failed
//! call (its exception name is `api_support::code`).
#![allow(dead_code)]

use aws_sdk_cloudwatchlogs::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_cloudwatchlogs::types::{FilteredLogEvent, OutputLogEvent};
use aws_sdk_cloudwatchlogs::Client;
use berth_testkit::TestCluster;

/// A CloudWatch Logs client signed with the server's administrator key.
pub fn logs_client(cluster: &TestCluster) -> Client {
    let credentials = &cluster.server.credentials;
    logs_client_with(
        cluster,
        &credentials.access_key_id,
        &credentials.secret_access_key,
        None,
    )
}

/// A CloudWatch Logs client with other credentials (a session's, with its token).
pub fn logs_client_with(
    cluster: &TestCluster,
    access_key_id: &str,
    secret: &str,
    session_token: Option<String>,
) -> Client {
    let credentials = aws_credential_types::Credentials::new(
        access_key_id,
        secret,
        session_token,
        None,
        "berth-test",
    );
    let config = aws_sdk_cloudwatchlogs::Config::builder()
        .behavior_version(aws_sdk_cloudwatchlogs::config::BehaviorVersion::latest())
        .region(aws_sdk_cloudwatchlogs::config::Region::new(
            cluster.server.app.config.scope.region.clone(),
        ))
        .credentials_provider(credentials)
        .endpoint_url(cluster.endpoint())
        .build();
    Client::from_conf(config)
}

/// The message of a failed call's exception.
pub fn message<E, R>(err: &SdkError<E, R>) -> String
where
    E: ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    match err {
        SdkError::ServiceError(service) => service.err().message().unwrap_or("").to_owned(),
        other => format!("{other:?}"),
    }
}

/// Every event of a stream, oldest first: GetLogEvents from the head, following forward
/// tokens until the token comes back unchanged (how clients know they are at the end).
pub async fn stream_events(client: &Client, group: &str, stream: &str) -> Vec<OutputLogEvent> {
    let mut events = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .get_log_events()
            .log_group_name(group)
            .log_stream_name(stream)
            .start_from_head(true)
            .set_next_token(token.clone())
            .send()
            .await
            .unwrap_or_else(|e| panic!("GetLogEvents {group}/{stream}: {e:?}"));
        events.extend(page.events().iter().cloned());
        let next = page.next_forward_token().map(str::to_owned);
        if next == token {
            return events;
        }
        token = next;
    }
}

/// The messages of [`stream_events`], or an empty list while the stream does not exist.
pub async fn stream_messages(client: &Client, group: &str, stream: &str) -> Vec<String> {
    let exists = client
        .describe_log_streams()
        .log_group_name(group)
        .log_stream_name_prefix(stream)
        .send()
        .await
        .map(|r| {
            r.log_streams()
                .iter()
                .any(|s| s.log_stream_name() == Some(stream))
        })
        .unwrap_or(false);
    if !exists {
        return Vec::new();
    }
    stream_events(client, group, stream)
        .await
        .into_iter()
        .filter_map(|e| e.message().map(str::to_owned))
        .collect()
}

/// Every event FilterLogEvents returns for `pattern` across the group, following
/// `nextToken` to the end.
pub async fn filter_all(client: &Client, group: &str, pattern: &str) -> Vec<FilteredLogEvent> {
    let mut events = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .filter_log_events()
            .log_group_name(group)
            .filter_pattern(pattern)
            .set_next_token(token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("FilterLogEvents {group} {pattern:?}: {e:?}"));
        events.extend(page.events().iter().cloned());
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            return events;
        }
    }
}
