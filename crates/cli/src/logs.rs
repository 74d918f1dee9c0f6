//! `berth logs --task ARN|ID [--container NAME] [--follow]`: prints a task's `awslogs`
//! lines, read through the server's CloudWatch Logs API with the credentials of the
//! server's `DIR/env` (as `berth join-token create` reads it).
//!
//! The task's definition says where each container's lines go (the same derivation the
//! server uses, `berth_api::awslogs`); the lines are read with FilterLogEvents over the
//! task's streams, interleaved in time. `--follow` polls as `aws logs tail --follow` does:
//! from the newest timestamp seen, dropping events already printed by their IDs, and ends
//! once the task has stopped and its last lines are printed.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
use aws_sdk_cloudwatchlogs::types::FilteredLogEvent;
use berth_api::awslogs;
use clap::Args;

use crate::commands::{default_data_dir, parse_env_file};

/// How often `--follow` asks for new lines.
const POLL: Duration = Duration::from_secs(1);
/// Empty polls after the task stopped before `--follow` ends: the agent ships a
/// container's last lines when it exits, a moment after the task is reported stopped.
const QUIET_POLLS_AFTER_STOP: u32 = 2;

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// The task: its ARN, or its ID in `--cluster`.
    #[arg(long)]
    task: String,
    /// The cluster of a task given by ID.
    #[arg(long, default_value = "default")]
    cluster: String,
    /// Only this container's lines (default: every awslogs container of the task).
    #[arg(long)]
    container: Option<String>,
    /// Keep printing new lines until the task stops.
    #[arg(long)]
    follow: bool,
    /// The server's data directory, whose `env` file says where the server is and how to
    /// sign requests.
    #[arg(long)]
    data_dir: Option<PathBuf>,
}

/// The server's address and credentials, from `DIR/env`.
struct Endpoint {
    ecs: String,
    logs: String,
    region: String,
    credentials: aws_credential_types::Credentials,
    ca_bundle: Option<Vec<u8>>,
}

impl Endpoint {
    fn load(data_dir: Option<PathBuf>) -> anyhow::Result<Self> {
        let data_dir = data_dir.unwrap_or_else(default_data_dir);
        let path = data_dir.join("env");
        let env = parse_env_file(&std::fs::read_to_string(&path).with_context(|| {
            format!(
                "reading {} (has `berth server` or `berth dev` been started with this data directory?)",
                path.display()
            )
        })?);
        let get = |name: &str| {
            env.get(name)
                .cloned()
                .with_context(|| format!("{} does not set {name}", path.display()))
        };
        let ecs = get("AWS_ENDPOINT_URL_ECS")?;
        let logs = get("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS").with_context(|| {
            "the server does not serve CloudWatch Logs (an older berth?)".to_owned()
        })?;
        let ca_bundle = match env.get("AWS_CA_BUNDLE") {
            Some(ca) => {
                Some(std::fs::read(ca).with_context(|| format!("reading the server's CA {ca}"))?)
            }
            None => None,
        };
        Ok(Self {
            ecs,
            logs,
            region: get("AWS_REGION")?,
            credentials: aws_credential_types::Credentials::new(
                get("AWS_ACCESS_KEY_ID")?,
                get("AWS_SECRET_ACCESS_KEY")?,
                None,
                None,
                "berth-env-file",
            ),
            ca_bundle,
        })
    }

    /// An HTTPS client trusting only the server's CA, when it has one.
    fn http_client(&self) -> Option<aws_sdk_ecs::config::SharedHttpClient> {
        use aws_smithy_http_client::tls;
        let ca = self.ca_bundle.clone()?;
        let trust = tls::TrustStore::empty().with_pem_certificate(ca);
        let context = tls::TlsContext::builder()
            .with_trust_store(trust)
            .build()
            .ok()?;
        Some(
            aws_smithy_http_client::Builder::new()
                .tls_provider(tls::Provider::Rustls(
                    tls::rustls_provider::CryptoMode::AwsLc,
                ))
                .tls_context(context)
                .build_https(),
        )
    }

    fn ecs(&self) -> aws_sdk_ecs::Client {
        let mut config = aws_sdk_ecs::Config::builder()
            .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
            .region(aws_sdk_ecs::config::Region::new(self.region.clone()))
            .credentials_provider(self.credentials.clone())
            .endpoint_url(&self.ecs);
        if let Some(http) = self.http_client() {
            config = config.http_client(http);
        }
        aws_sdk_ecs::Client::from_conf(config.build())
    }

    fn logs(&self) -> aws_sdk_cloudwatchlogs::Client {
        let mut config = aws_sdk_cloudwatchlogs::Config::builder()
            .behavior_version(aws_sdk_cloudwatchlogs::config::BehaviorVersion::latest())
            .region(aws_sdk_cloudwatchlogs::config::Region::new(
                self.region.clone(),
            ))
            .credentials_provider(self.credentials.clone())
            .endpoint_url(&self.logs);
        if let Some(http) = self.http_client() {
            config = config.http_client(http);
        }
        aws_sdk_cloudwatchlogs::Client::from_conf(config.build())
    }
}

/// One awslogs container of the task and where its lines are.
#[derive(Debug, Clone)]
struct Source {
    container: String,
    group: String,
    stream: String,
}

/// The task's awslogs containers (those `--container` selects), and whether the task
/// has stopped.
async fn sources(
    ecs: &aws_sdk_ecs::Client,
    args: &LogsArgs,
) -> anyhow::Result<(Vec<Source>, bool)> {
    let cluster = if args.task.starts_with("arn:") {
        // `arn:…:task/CLUSTER/ID`
        args.task
            .rsplit('/')
            .nth(1)
            .context("the task ARN names no cluster")?
            .to_owned()
    } else {
        args.cluster.clone()
    };
    let described = ecs
        .describe_tasks()
        .cluster(&cluster)
        .tasks(&args.task)
        .send()
        .await
        .with_context(|| format!("describing task {}", args.task))?;
    let Some(task) = described.tasks().first() else {
        bail!("task {} was not found in cluster {cluster}", args.task);
    };
    let task_arn = task.task_arn().unwrap_or_default();
    let task_id = task_arn.rsplit('/').next().unwrap_or_default();
    let definition = ecs
        .describe_task_definition()
        .task_definition(task.task_definition_arn().unwrap_or_default())
        .send()
        .await
        .context("describing the task's definition")?;
    let runtime_ids: BTreeMap<&str, &str> = task
        .containers()
        .iter()
        .filter_map(|c| Some((c.name()?, c.runtime_id()?)))
        .collect();
    let mut found = Vec::new();
    let mut selected = false;
    for container in definition
        .task_definition()
        .map(|d| d.container_definitions())
        .unwrap_or_default()
    {
        let name = container.name().unwrap_or_default();
        if args.container.as_deref().is_some_and(|c| c != name) {
            continue;
        }
        selected = true;
        let awslogs = container
            .log_configuration()
            .filter(|c| c.log_driver().as_str() == "awslogs");
        let Some(config) = awslogs else {
            if args.container.is_some() {
                bail!(
                    "container {name} does not use the awslogs log driver; its lines are not in CloudWatch Logs"
                );
            }
            continue;
        };
        let options: BTreeMap<String, String> = config
            .options()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default();
        // Without a prefix the stream is the container's Docker ID, known once it exists.
        if let Some(destination) =
            awslogs::destination(&options, name, task_id, runtime_ids.get(name).copied())
        {
            found.push(Source {
                container: name.to_owned(),
                group: destination.group,
                stream: destination.stream,
            });
        }
    }
    if let Some(container) = &args.container {
        if !selected {
            bail!("task {} has no container named {container}", args.task);
        }
    } else if found.is_empty() && !selected {
        bail!("task {} has no containers", args.task);
    }
    let stopped = task.last_status() == Some("STOPPED");
    if found.is_empty() && args.container.is_none() && stopped {
        bail!(
            "no container of task {} uses the awslogs log driver",
            args.task
        );
    }
    Ok((found, stopped))
}

/// Reads new lines of the sources' streams.
struct Reader {
    logs: aws_sdk_cloudwatchlogs::Client,
    /// Per group: the newest timestamp printed, and the IDs printed at it.
    seen: BTreeMap<String, (Option<i64>, HashSet<String>)>,
    label: bool,
}

impl Reader {
    /// Prints the events after what was printed; returns how many.
    async fn poll(&mut self, sources: &[Source]) -> anyhow::Result<usize> {
        let mut by_group: BTreeMap<&str, Vec<&Source>> = BTreeMap::new();
        for source in sources {
            by_group.entry(&source.group).or_default().push(source);
        }
        let mut printed = 0;
        for (group, sources) in by_group {
            let existing = self.existing_streams(group, &sources).await?;
            if existing.is_empty() {
                continue;
            }
            let events = self.read_group(group, &existing).await?;
            let (newest, ids) = self.seen.entry(group.to_owned()).or_default();
            for event in events {
                let id = event.event_id().unwrap_or_default().to_owned();
                let timestamp = event.timestamp().unwrap_or_default();
                // The next poll asks from the newest timestamp again and gets its events
                // once more; events that arrived late with older timestamps come once.
                if newest.is_none_or(|n| timestamp > n) {
                    *newest = Some(timestamp);
                    ids.clear();
                }
                if Some(timestamp) == *newest && !ids.insert(id) {
                    continue;
                }
                let message = event.message().unwrap_or_default();
                let stream = event.log_stream_name().unwrap_or_default();
                match sources.iter().find(|s| s.stream == stream) {
                    Some(source) if self.label => println!("{} | {message}", source.container),
                    _ => println!("{message}"),
                }
                printed += 1;
            }
        }
        Ok(printed)
    }

    /// The streams of `sources` that exist (a container not started yet has none).
    async fn existing_streams(
        &self,
        group: &str,
        sources: &[&Source],
    ) -> anyhow::Result<Vec<String>> {
        let mut existing = Vec::new();
        for source in sources {
            let found = self
                .logs
                .describe_log_streams()
                .log_group_name(group)
                .log_stream_name_prefix(&source.stream)
                .send()
                .await;
            match found {
                Ok(page) => {
                    if page
                        .log_streams()
                        .iter()
                        .any(|s| s.log_stream_name() == Some(source.stream.as_str()))
                    {
                        existing.push(source.stream.clone());
                    }
                }
                Err(e) if is_not_found(&e) => {}
                Err(e) => {
                    return Err(
                        anyhow::Error::new(e).context(format!("listing the streams of {group}"))
                    )
                }
            }
        }
        Ok(existing)
    }

    /// FilterLogEvents over `streams` from the newest timestamp printed, all pages.
    async fn read_group(
        &self,
        group: &str,
        streams: &[String],
    ) -> anyhow::Result<Vec<FilteredLogEvent>> {
        let start = self.seen.get(group).and_then(|(newest, _)| *newest);
        let mut events = Vec::new();
        let mut token = None;
        loop {
            let page = self
                .logs
                .filter_log_events()
                .log_group_name(group)
                .set_log_stream_names(Some(streams.to_vec()))
                .set_start_time(start)
                .set_next_token(token)
                .send()
                .await
                .with_context(|| format!("reading the log group {group}"))?;
            events.extend(page.events().iter().cloned());
            token = page.next_token().map(str::to_owned);
            if token.is_none() {
                return Ok(events);
            }
        }
    }
}

fn is_not_found<E: aws_sdk_cloudwatchlogs::error::ProvideErrorMetadata, R>(
    error: &aws_sdk_cloudwatchlogs::error::SdkError<E, R>,
) -> bool {
    use aws_sdk_cloudwatchlogs::error::SdkError;
    matches!(error, SdkError::ServiceError(e) if e.err().code() == Some("ResourceNotFoundException"))
}

pub async fn run(args: LogsArgs) -> anyhow::Result<()> {
    let endpoint = Endpoint::load(args.data_dir.clone())?;
    let ecs = endpoint.ecs();
    let (mut found, mut stopped) = sources(&ecs, &args).await?;
    let mut reader = Reader {
        logs: endpoint.logs(),
        seen: BTreeMap::new(),
        label: args.container.is_none() && found.len() > 1,
    };
    reader.poll(&found).await?;
    if !args.follow {
        return Ok(());
    }
    let mut quiet = 0;
    loop {
        tokio::time::sleep(POLL).await;
        if !stopped {
            (found, stopped) = sources(&ecs, &args).await?;
            reader.label = args.container.is_none() && found.len() > 1;
        }
        let printed = reader.poll(&found).await?;
        if stopped {
            quiet = if printed == 0 { quiet + 1 } else { 0 };
            if quiet >= QUIET_POLLS_AFTER_STOP {
                return Ok(());
            }
        }
    }
}
