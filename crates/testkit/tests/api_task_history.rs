//! Task history: STOPPED tasks stay describable for the retention period
//! (`--stopped-task-retention-secs`, 1 hour by default), then are forgotten, as in ECS;
//! many at once are forgotten in several store transactions.

mod api_support;

use std::time::Duration;

use api_support::register;
use berth_server::AppConfig;
use berth_testkit::{wait_for, AgentKind, Options, TestCluster};

const RETENTION: Duration = Duration::from_secs(3);

#[tokio::test]
async fn stopped_tasks_are_describable_for_the_retention_period_then_forgotten() {
    assert_eq!(
        AppConfig::default().stopped_task_retention,
        Duration::from_secs(3600),
        "the documented default"
    );
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Fake,
        app: AppConfig {
            stopped_task_retention: RETENTION,
            ..AppConfig::default()
        },
        ..Options::default()
    })
    .await;
    let c = &cluster.client;
    register(c, "short", 6).await;
    // More tasks than one store transaction can forget (64 per transaction).
    let mut arns = Vec::new();
    for _ in 0..10 {
        let out = c
            .run_task()
            .task_definition("short")
            .count(10)
            .send()
            .await
            .unwrap();
        assert!(out.failures().is_empty(), "{:?}", out.failures());
        arns.extend(
            out.tasks()
                .iter()
                .filter_map(|t| t.task_arn().map(str::to_owned)),
        );
    }
    assert_eq!(arns.len(), 100);
    for arn in &arns {
        c.stop_task().task(arn).send().await.unwrap();
    }
    let describe = |arns: Vec<String>| async move {
        let mut stopped = 0;
        let mut missing = 0;
        for chunk in arns.chunks(100) {
            let out = c
                .describe_tasks()
                .set_tasks(Some(chunk.to_vec()))
                .send()
                .await
                .unwrap();
            stopped += out
                .tasks()
                .iter()
                .filter(|t| t.last_status() == Some("STOPPED"))
                .count();
            missing += out
                .failures()
                .iter()
                .filter(|f| f.reason() == Some("MISSING"))
                .count();
        }
        (stopped, missing)
    };
    // All STOPPED and still there.
    wait_for("every task STOPPED", Duration::from_secs(20), || async {
        (describe(arns.clone()).await == (100, 0)).then_some(())
    })
    .await;
    let stopped_at = std::time::Instant::now();
    // Then gone, every one of them.
    wait_for("every task forgotten", RETENTION * 10, || async {
        (describe(arns.clone()).await == (0, 100)).then_some(())
    })
    .await;
    // The server's stoppedAt precedes this test seeing the tasks STOPPED, so the bound is
    // loose; it still fails if tasks were forgotten as soon as they stopped.
    assert!(
        stopped_at.elapsed() >= RETENTION / 3,
        "forgotten well before the retention period ended: {:?}",
        stopped_at.elapsed()
    );
    let listed = c
        .list_tasks()
        .desired_status(aws_sdk_ecs::types::DesiredStatus::Stopped)
        .send()
        .await
        .unwrap();
    assert!(listed.task_arns().is_empty());
}
