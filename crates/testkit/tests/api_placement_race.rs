//! Parallel RunTask calls racing for an instance's last slots: never over-committed, and
//! slots freed by stopped tasks are placed again at once.
//!
//! RunTask releases the placement lock before its write is durable, counting the tasks it
//! placed as in flight; these tests prove that no two calls take the same slot, and that
//! the server's long-lived scheduler state forgets its bookings once tasks stop (a stale
//! booking would refuse tasks that fit).

mod api_support;

use std::time::Duration;

use api_support::{fake_cluster, register, resource};
use berth_testkit::wait_for;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_run_tasks_never_overcommit_the_last_slots() {
    let cluster = fake_cluster().await;
    let client = cluster.client.clone();
    let instances = cluster.wait_for_instances(1).await;
    let described = client
        .describe_container_instances()
        .container_instances(&instances[0])
        .send()
        .await
        .expect("describe the instance");
    let instance = &described.container_instances()[0];
    let registered = resource(instance.registered_resources(), "MEMORY").integer_value();
    // Five tasks fit; the sixth does not.
    let per_task = registered / 5;
    assert!(
        per_task >= 6,
        "the instance is too small for this test: {registered} MiB"
    );
    register(&client, "race", per_task).await;

    let mut calls = Vec::new();
    for _ in 0..16 {
        let client = client.clone();
        calls.push(tokio::spawn(async move {
            client
                .run_task()
                .task_definition("race")
                .send()
                .await
                .expect("RunTask answers")
        }));
    }
    let mut placed = 0;
    let mut refused = 0;
    for call in calls {
        let response = call.await.expect("the call completes");
        placed += response.tasks().len();
        for failure in response.failures() {
            assert_eq!(failure.reason(), Some("RESOURCE:MEMORY"), "{failure:?}");
            refused += 1;
        }
    }
    assert_eq!(placed, 5, "exactly the five slots are taken");
    assert_eq!(refused, 11, "every other call is refused for memory");

    let described = client
        .describe_container_instances()
        .container_instances(&instances[0])
        .send()
        .await
        .expect("describe the instance");
    let remaining = resource(
        described.container_instances()[0].remaining_resources(),
        "MEMORY",
    )
    .integer_value();
    assert_eq!(
        remaining,
        registered - 5 * per_task,
        "remaining memory accounts for each task once"
    );
    assert!(remaining >= 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn slots_freed_by_stopped_tasks_are_placed_again() {
    let cluster = fake_cluster().await;
    let client = cluster.client.clone();
    let instances = cluster.wait_for_instances(1).await;
    let described = client
        .describe_container_instances()
        .container_instances(&instances[0])
        .send()
        .await
        .expect("describe the instance");
    let registered = resource(
        described.container_instances()[0].registered_resources(),
        "MEMORY",
    )
    .integer_value();
    let per_task = registered / 4;
    register(&client, "refill", per_task).await;
    for round in 0..3 {
        // Fill the instance with parallel calls, then one more that must not fit.
        let mut calls = Vec::new();
        for _ in 0..4 {
            let client = client.clone();
            calls.push(tokio::spawn(async move {
                client
                    .run_task()
                    .task_definition("refill")
                    .send()
                    .await
                    .expect("RunTask answers")
            }));
        }
        let mut arns = Vec::new();
        for call in calls {
            let response = call.await.expect("the call completes");
            assert!(
                response.failures().is_empty(),
                "round {round}: a freed slot was refused: {:?}",
                response.failures()
            );
            arns.extend(
                response
                    .tasks()
                    .iter()
                    .filter_map(|t| t.task_arn().map(str::to_owned)),
            );
        }
        assert_eq!(arns.len(), 4);
        let extra = client
            .run_task()
            .task_definition("refill")
            .send()
            .await
            .unwrap();
        assert_eq!(
            extra.tasks().len(),
            0,
            "round {round}: the instance is full"
        );
        for arn in &arns {
            client.stop_task().task(arn).send().await.unwrap();
        }
        wait_for("the tasks to stop", Duration::from_secs(20), || async {
            let out = client
                .describe_tasks()
                .set_tasks(Some(arns.clone()))
                .send()
                .await
                .unwrap();
            out.tasks()
                .iter()
                .all(|t| t.last_status() == Some("STOPPED"))
                .then_some(())
        })
        .await;
    }
}
