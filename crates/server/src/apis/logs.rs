//! The CloudWatch Logs API's dispatch: its operation table (every operation in
//! `berth_api::logs::OPERATIONS`), and what each call needs permission for.
//!
//! Resources follow what CloudWatch Logs authorizes against (and names in its AccessDenied
//! messages): a stream-level action (CreateLogStream, DeleteLogStream, PutLogEvents,
//! GetLogEvents) the stream, `arn:…:log-group:GROUP:log-stream:STREAM`; a group-level
//! action the group's streams, `arn:…:log-group:GROUP:log-stream:`; DescribeLogGroups
//! `arn:…:log-group::log-stream:`; the tagging actions the log group ARN they are given. So
//! a policy on `arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:*` covers the group and its
//! streams, as on AWS.

use berth_api::logs::*;

use crate::app::App;
use crate::identity::Access;

crate::json_operations! {
    /// A parsed CloudWatch Logs request. Each variant is one action of the API.
    LogsCommand, LOGS_OPERATIONS, "logs";

    CreateLogGroup(CreateLogGroupRequest) => create_log_group;
    DescribeLogGroups(DescribeLogGroupsRequest) => describe_log_groups;
    DeleteLogGroup(DeleteLogGroupRequest) => delete_log_group;
    PutRetentionPolicy(PutRetentionPolicyRequest) => put_retention_policy;
    DeleteRetentionPolicy(DeleteRetentionPolicyRequest) => delete_retention_policy;
    CreateLogStream(CreateLogStreamRequest) => create_log_stream;
    DescribeLogStreams(DescribeLogStreamsRequest) => describe_log_streams;
    DeleteLogStream(DeleteLogStreamRequest) => delete_log_stream;
    PutLogEvents(PutLogEventsRequest) => put_log_events;
    GetLogEvents(GetLogEventsRequest) => get_log_events;
    FilterLogEvents(FilterLogEventsRequest) => filter_log_events;
    TagResource(TagResourceRequest) => tag_log_resource;
    UntagResource(UntagResourceRequest) => untag_log_resource;
    ListTagsForResource(ListTagsForResourceRequest) => list_log_resource_tags;
}

impl LogsCommand {
    /// What the command needs permission for. A request that names its group badly gets
    /// the group-less resource here and its error from the app layer.
    pub fn access(&self, app: &App) -> Vec<Access> {
        use LogsCommand::*;
        let action = self.action();
        let group = |name: Option<&String>, identifier: Option<&String>| {
            app.log_group_of(name, identifier).unwrap_or_default()
        };
        let on_group = |group: &str| {
            let access = Access::new(action, app.log_group_streams_arn(group));
            app.with_log_resource_tags(access, group)
        };
        let on_stream = |group: &str, stream: &str| {
            let access = Access::new(action, app.log_stream_arn(group, stream));
            app.with_log_resource_tags(access, group)
        };
        match self {
            CreateLogGroup(r) => {
                let mut accesses = vec![with_request_tags(
                    Access::new(action, app.log_group_streams_arn(&r.log_group_name)),
                    r.tags.as_ref(),
                )];
                if let Some(tags) = r.tags.as_ref().filter(|t| !t.is_empty()) {
                    // Tagging at creation also needs the tagging permission, as on AWS.
                    accesses.push(with_request_tags(
                        Access::new("logs:TagResource", app.log_group_arn(&r.log_group_name)),
                        Some(tags),
                    ));
                }
                accesses
            }
            DescribeLogGroups(_) => vec![Access::new(action, app.log_group_streams_arn(""))],
            DeleteLogGroup(r) => vec![on_group(&r.log_group_name)],
            PutRetentionPolicy(r) => vec![on_group(&r.log_group_name)],
            DeleteRetentionPolicy(r) => vec![on_group(&r.log_group_name)],
            DescribeLogStreams(r) => vec![on_group(&group(
                r.log_group_name.as_ref(),
                r.log_group_identifier.as_ref(),
            ))],
            FilterLogEvents(r) => vec![on_group(&group(
                r.log_group_name.as_ref(),
                r.log_group_identifier.as_ref(),
            ))],
            CreateLogStream(r) => vec![on_stream(&r.log_group_name, &r.log_stream_name)],
            DeleteLogStream(r) => vec![on_stream(&r.log_group_name, &r.log_stream_name)],
            PutLogEvents(r) => vec![on_stream(&r.log_group_name, &r.log_stream_name)],
            GetLogEvents(r) => vec![on_stream(
                &group(r.log_group_name.as_ref(), r.log_group_identifier.as_ref()),
                &r.log_stream_name,
            )],
            TagResource(r) => vec![tagging(app, action, &r.resource_arn, Some(&r.tags), None)],
            UntagResource(r) => {
                vec![tagging(
                    app,
                    action,
                    &r.resource_arn,
                    None,
                    Some(&r.tag_keys),
                )]
            }
            ListTagsForResource(r) => vec![tagging(app, action, &r.resource_arn, None, None)],
        }
    }
}

/// `aws:RequestTag/KEY` and `aws:TagKeys` for the tags a request sets.
fn with_request_tags(
    mut access: Access,
    tags: Option<&std::collections::BTreeMap<String, String>>,
) -> Access {
    for (key, value) in tags.into_iter().flatten() {
        access = access
            .with(format!("aws:RequestTag/{key}"), value.clone())
            .with("aws:TagKeys", key.clone());
    }
    access
}

/// A tagging action on the resource ARN it names, with the tag condition keys.
fn tagging(
    app: &App,
    action: &str,
    resource_arn: &str,
    tags: Option<&std::collections::BTreeMap<String, String>>,
    removed: Option<&Vec<String>>,
) -> Access {
    let group = app.log_group_of_arn(resource_arn).ok();
    let resource = group
        .as_deref()
        .map_or_else(|| resource_arn.to_owned(), |g| app.log_group_arn(g));
    let mut access = with_request_tags(Access::new(action, resource), tags);
    for key in removed.into_iter().flatten() {
        access = access.with("aws:TagKeys", key.clone());
    }
    match group {
        Some(group) => app.with_log_resource_tags(access, &group),
        None => access,
    }
}
