//! The control plane's one domain error, and its mapping to the ECS wire error.
//!
//! Handlers return [`Error`]; [`Error::to_api`] is the only place that decides which
//! ECS exception name and message the user sees. Internal context (store failures and
//! the like) is logged where the error is rendered, never shown to the user.

use berth_api::{ApiError, ErrorCode};

/// Everything that can go wrong in an ECS call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A request value is invalid; the message says which and why.
    #[error("{0}")]
    InvalidParameter(String),
    /// The request is valid in form but not allowed in the current state.
    #[error("{0}")]
    Client(String),
    #[error("Cluster not found.")]
    ClusterNotFound,
    #[error("The specified cluster is inactive. Specify an active cluster and try again.")]
    ClusterInactive,
    #[error("{0}")]
    ResourceNotFound(String),
    #[error("Service not found.")]
    ServiceNotFound,
    #[error("Service was not ACTIVE.")]
    ServiceNotActive,
    #[error("The Cluster cannot be deleted while Services are active.")]
    ClusterContainsServices,
    #[error("The Cluster cannot be deleted while Container Instances are active or draining.")]
    ClusterContainsContainerInstances,
    #[error("The Cluster cannot be deleted while Tasks are active.")]
    ClusterContainsTasks,
    #[error("{0}")]
    Serialization(String),
    #[error("{0}")]
    UnknownOperation(String),
    #[error("{0}")]
    LimitExceeded(String),
    #[error("{0}")]
    ResourceInUse(String),
    /// An attribute's target (a container instance) does not exist in the cluster.
    #[error("{0}")]
    TargetNotFound(String),
    /// A resource would carry more custom attributes than ECS allows.
    #[error("{0}")]
    AttributeLimitExceeded(String),
    /// The request lost a race for a store key too many times; the caller may retry.
    #[error("The request conflicted with a concurrent change; retry it.")]
    Conflict,
    /// Something failed inside berth. The source is logged, not shown.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl Error {
    /// The ECS error for this failure.
    pub fn to_api(&self) -> ApiError {
        let code = match self {
            Error::InvalidParameter(_) => ErrorCode::InvalidParameterException,
            Error::Client(_) => ErrorCode::ClientException,
            Error::ClusterNotFound => ErrorCode::ClusterNotFoundException,
            Error::ClusterInactive => ErrorCode::ClusterNotFoundException,
            Error::ResourceNotFound(_) => ErrorCode::ResourceNotFoundException,
            Error::ServiceNotFound => ErrorCode::ServiceNotFoundException,
            Error::ServiceNotActive => ErrorCode::ServiceNotActiveException,
            Error::ClusterContainsServices => ErrorCode::ClusterContainsServicesException,
            Error::ClusterContainsContainerInstances => {
                ErrorCode::ClusterContainsContainerInstancesException
            }
            Error::ClusterContainsTasks => ErrorCode::ClusterContainsTasksException,
            Error::Serialization(_) => ErrorCode::SerializationException,
            Error::UnknownOperation(_) => ErrorCode::UnknownOperationException,
            Error::LimitExceeded(_) => ErrorCode::LimitExceededException,
            Error::ResourceInUse(_) => ErrorCode::ResourceInUseException,
            Error::TargetNotFound(_) => ErrorCode::TargetNotFoundException,
            Error::AttributeLimitExceeded(_) => ErrorCode::AttributeLimitExceededException,
            Error::Conflict => ErrorCode::ServerException,
            Error::Internal(source) => {
                tracing::error!(
                    error = format!("{source:#}"),
                    "internal error serving request"
                );
                return ApiError::new(
                    ErrorCode::ServerException,
                    "The server encountered an internal error. Retry the request.",
                );
            }
        };
        ApiError::new(code, self.to_string())
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::InvalidParameter(message.into())
    }

    pub fn client(message: impl Into<String>) -> Self {
        Error::Client(message.into())
    }
}

impl From<berth_store::StoreError> for Error {
    fn from(err: berth_store::StoreError) -> Self {
        Error::Internal(anyhow::Error::new(err))
    }
}

impl From<berth_api::ValidationError> for Error {
    fn from(err: berth_api::ValidationError) -> Self {
        Error::InvalidParameter(err.to_string())
    }
}

impl From<berth_api::arn::ArnError> for Error {
    fn from(err: berth_api::arn::ArnError) -> Self {
        Error::InvalidParameter(err.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
