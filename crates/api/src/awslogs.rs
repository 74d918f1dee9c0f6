//! Where an `awslogs` container's lines go: the log group and stream its
//! `logConfiguration.options` name, as ECS's agent and Docker's awslogs driver derive them.
//! The server uses it to decide where the agent's lines are stored (the agent never names
//! a group or stream itself), and `berth logs` to find a task's streams.

use std::collections::BTreeMap;

pub const GROUP: &str = "awslogs-group";
pub const STREAM: &str = "awslogs-stream";
pub const STREAM_PREFIX: &str = "awslogs-stream-prefix";
pub const CREATE_GROUP: &str = "awslogs-create-group";

/// An awslogs container's destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub group: String,
    pub stream: String,
    /// `awslogs-create-group: true`: a missing group is created, not an error.
    pub create_group: bool,
}

/// The stream name when it depends on the container's Docker ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamName<'a> {
    /// Named by the options alone.
    Fixed,
    /// Docker's default without `awslogs-stream` or `awslogs-stream-prefix`: the
    /// container's ID.
    ContainerId(&'a str),
}

/// The destination of the container `container_name` of task `task_id` with these awslogs
/// options: `awslogs-stream` if set; else `PREFIX/CONTAINER/TASK-ID` with
/// `awslogs-stream-prefix` (ECS's naming); else the container's Docker ID. `None` without
/// `awslogs-group`, or when the name needs a container ID not given.
pub fn destination(
    options: &BTreeMap<String, String>,
    container_name: &str,
    task_id: &str,
    container_id: Option<&str>,
) -> Option<Destination> {
    let group = options.get(GROUP)?.clone();
    let stream = if let Some(stream) = options.get(STREAM) {
        stream.clone()
    } else if let Some(prefix) = options.get(STREAM_PREFIX) {
        format!("{prefix}/{container_name}/{task_id}")
    } else {
        container_id?.to_owned()
    };
    Some(Destination {
        group,
        stream,
        create_group: options.get(CREATE_GROUP).is_some_and(|v| v == "true"),
    })
}

/// Whether the stream name needs the container's Docker ID.
pub fn needs_container_id(options: &BTreeMap<String, String>) -> bool {
    !options.contains_key(STREAM) && !options.contains_key(STREAM_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn streams_are_named_as_ecs_names_them() {
        let prefixed = options(&[(GROUP, "/ecs/web"), (STREAM_PREFIX, "web")]);
        assert_eq!(
            destination(&prefixed, "app", "0123abcd", None),
            Some(Destination {
                group: "/ecs/web".into(),
                stream: "web/app/0123abcd".into(),
                create_group: false,
            })
        );
        let named = options(&[
            (GROUP, "g"),
            (STREAM, "fixed"),
            (STREAM_PREFIX, "ignored"),
            (CREATE_GROUP, "true"),
        ]);
        let d = destination(&named, "app", "t", None).expect("a destination");
        assert_eq!((d.stream.as_str(), d.create_group), ("fixed", true));
        let bare = options(&[(GROUP, "g")]);
        assert!(needs_container_id(&bare));
        assert_eq!(destination(&bare, "app", "t", None), None);
        assert_eq!(
            destination(&bare, "app", "t", Some("c0ffee")).map(|d| d.stream),
            Some("c0ffee".to_owned())
        );
        assert_eq!(destination(&options(&[]), "app", "t", Some("c")), None);
    }
}
