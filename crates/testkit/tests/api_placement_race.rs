//! Parallel RunTask calls racing for an instance's last slots: never over-committed.
//!
//! RunTask releases the placement lock before its write is durable, counting the tasks it
//! placed as in flight; this test is what proves that no two calls take the same slot.

mod api_support;

use api_support::{fake_cluster, register, resource};

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
