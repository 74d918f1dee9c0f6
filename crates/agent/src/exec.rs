//! ECS Exec on the agent: long-polls the sessions the server grants this instance, and
//! runs each one through the container runtime's exec API.
//!
//! A grant is taken only over the agent's authenticated poll, and run only for a task of
//! the agent's own accepted desired set that should be running, has
//! `enable_execute_command`, and has a container of that name; anything else is refused
//! (the reason goes back to the client through the session). The agent then attaches to
//! the session with its credential and the grant's secret, which the server checks, so a
//! session the server did not grant to this instance cannot be attached to.
//!
//! On the session's WebSocket, binary frames from the server are stdin, text frames are
//! [`ExecControl`]s; the agent sends output as binary frames (one byte naming the stream,
//! then the bytes) and [`ExecEvent`]s as text.

use std::sync::Arc;
use std::time::Duration;

use berth_api::protocol::{
    DesiredState, DesiredStatus, ExecControl, ExecEvent, ExecGrant, EXEC_STDERR, EXEC_STDOUT,
};
use futures::{SinkExt, StreamExt};
use tokio::io::AsyncWriteExt;
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::Message;
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::client::{ClientError, ControlPlane};
use crate::runtime::{container_name, ContainerRuntime, ExecSpec, ExecStream};

/// The grant poll's wait.
const GRANT_WAIT: Duration = Duration::from_secs(20);
/// How long the agent waits for an exited exec's exit code to show.
const EXIT_CODE_WAIT: Duration = Duration::from_secs(5);

/// Polls exec grants and runs each session in its own tokio task until `cancel`.
pub(crate) async fn run_exec_poller(
    control: Arc<dyn ControlPlane>,
    runtime: Arc<dyn ContainerRuntime>,
    credential: String,
    desired: watch::Receiver<Option<Arc<DesiredState>>>,
    max_backoff: Duration,
    cancel: CancellationToken,
) {
    let mut backoff = Backoff::new(Duration::from_millis(200), max_backoff);
    let mut failures = 0u32;
    loop {
        let polled = tokio::select! {
            _ = cancel.cancelled() => return,
            r = control.exec_grants(&credential, GRANT_WAIT) => r,
        };
        match polled {
            Ok(grants) => {
                backoff.reset();
                failures = 0;
                for grant in grants.grants {
                    let set = desired.borrow().clone();
                    tokio::spawn(run_session(
                        grant,
                        set,
                        control.clone(),
                        runtime.clone(),
                        credential.clone(),
                        cancel.clone(),
                    ));
                }
            }
            Err(ClientError::Unauthorized(_)) => return,
            Err(e) => {
                failures += 1;
                if failures % 10 == 1 {
                    tracing::warn!(error = %e, failures, "exec grant poll failed");
                }
                tokio::select! {
                    _ = cancel.cancelled() => return,
                    _ = tokio::time::sleep(backoff.next_delay()) => {}
                }
            }
        }
    }
}

/// The container a grant may run in, by its runtime name; or why not.
fn target(grant: &ExecGrant, set: Option<&DesiredState>) -> Result<String, String> {
    let task = set
        .into_iter()
        .flat_map(|s| s.tasks.iter())
        .find(|t| t.task_arn == grant.task_arn)
        .ok_or_else(|| format!("The task {} is not on this instance.", grant.task_arn))?;
    if task.desired_status != DesiredStatus::Running {
        return Err(format!("The task {} is stopping.", task.task_arn));
    }
    if !task.enable_execute_command {
        return Err(format!(
            "The task {} was not run with execute command enabled.",
            task.task_arn
        ));
    }
    if grant.command.is_empty() {
        return Err("The command is empty.".into());
    }
    task.containers
        .iter()
        .find(|c| c.definition.name.as_deref() == Some(grant.container_name.as_str()))
        .map(|_| container_name(task, &grant.container_name))
        .ok_or_else(|| {
            format!(
                "The task {} has no container named {}.",
                task.task_arn, grant.container_name
            )
        })
}

async fn send_event(socket: &mut crate::websocket::Socket, event: &ExecEvent) -> bool {
    let text = serde_json::to_string(event).unwrap_or_default();
    socket.send(Message::Text(text.into())).await.is_ok()
}

/// Runs one granted session.
async fn run_session(
    grant: ExecGrant,
    set: Option<Arc<DesiredState>>,
    control: Arc<dyn ControlPlane>,
    runtime: Arc<dyn ContainerRuntime>,
    credential: String,
    cancel: CancellationToken,
) {
    let checked = target(&grant, set.as_deref());
    let mut socket = match control
        .exec_attach(&credential, &grant.session_id, &grant.secret)
        .await
    {
        Ok(socket) => socket,
        Err(e) => {
            tracing::warn!(session = %grant.session_id, error = %e, "cannot attach to an exec session");
            return;
        }
    };
    let container = match checked {
        Ok(container) => container,
        Err(reason) => {
            tracing::warn!(session = %grant.session_id, %reason, "refusing an exec session");
            send_event(&mut socket, &ExecEvent::Failed { message: reason }).await;
            let _ = socket.close(None).await;
            return;
        }
    };
    let spec = ExecSpec {
        command: grant.command.clone(),
        tty: grant.interactive,
    };
    let process = match runtime.exec_start(&container, &spec).await {
        Ok(process) => process,
        Err(e) => {
            let message = format!(
                "The command could not be run in container {}: {e}",
                grant.container_name
            );
            send_event(&mut socket, &ExecEvent::Failed { message }).await;
            let _ = socket.close(None).await;
            return;
        }
    };
    tracing::info!(session = %grant.session_id, task = %grant.task_arn, container = %grant.container_name, "exec session started");
    send_event(&mut socket, &ExecEvent::Started).await;
    let exec_id = process.id.clone();
    let mut output = process.output;
    let mut input = process.input;
    let mut ended = false;
    loop {
        tokio::select! {
            _ = cancel.cancelled() => break,
            item = output.next() => match item {
                Some(Ok((stream, bytes))) => {
                    let tag = match stream {
                        ExecStream::Stdout => EXEC_STDOUT,
                        ExecStream::Stderr => EXEC_STDERR,
                    };
                    let mut frame = Vec::with_capacity(bytes.len() + 1);
                    frame.push(tag);
                    frame.extend_from_slice(&bytes);
                    if socket.send(Message::Binary(frame.into())).await.is_err() {
                        break;
                    }
                }
                Some(Err(e)) => {
                    tracing::warn!(session = %grant.session_id, error = %e, "exec output failed");
                    ended = true;
                    break;
                }
                None => {
                    ended = true;
                    break;
                }
            },
            message = socket.next() => match message {
                Some(Ok(Message::Binary(bytes))) => {
                    if let Some(writer) = input.as_mut() {
                        if writer.write_all(&bytes).await.is_err() || writer.flush().await.is_err() {
                            input = None;
                        }
                    }
                }
                Some(Ok(Message::Text(text))) => match serde_json::from_str::<ExecControl>(text.as_str()) {
                    Ok(ExecControl::Resize { cols, rows }) => {
                        if let Err(e) = runtime.exec_resize(&exec_id, cols, rows).await {
                            tracing::debug!(error = %e, "exec resize failed");
                        }
                    }
                    Ok(ExecControl::CloseStdin) => {
                        if let Some(mut writer) = input.take() {
                            let _ = writer.shutdown().await;
                        }
                    }
                    Ok(ExecControl::Terminate) => break,
                    Err(e) => tracing::debug!(error = %e, "unreadable exec control"),
                },
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
        }
    }
    drop(input);
    if !ended {
        // The client or the server went away: the streams are closed; the command gets
        // EOF (and, with a TTY, a hang-up) and ends on its own.
        tracing::info!(session = %grant.session_id, "exec session ended by the client");
        return;
    }
    let exit_code = exit_code(runtime.as_ref(), &exec_id).await;
    let event = match exit_code {
        Some(exit_code) => ExecEvent::Exited { exit_code },
        None => ExecEvent::Failed {
            message: "The command's exit code could not be read.".into(),
        },
    };
    send_event(&mut socket, &event).await;
    let _ = socket.close(None).await;
    tracing::info!(session = %grant.session_id, ?exit_code, "exec session ended");
}

/// The exit code of an exec whose output ended (Docker may take a moment to record it).
async fn exit_code(runtime: &dyn ContainerRuntime, exec_id: &str) -> Option<i64> {
    let deadline = tokio::time::Instant::now() + EXIT_CODE_WAIT;
    let mut delay = Duration::from_millis(2);
    loop {
        match runtime.exec_exit_code(exec_id).await {
            Ok(Some(code)) => return Some(code),
            Ok(None) if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_millis(100));
            }
            _ => return None,
        }
    }
}
