//! The control plane's one domain error, and its mapping to the ECS wire error.
//!
//! Handlers return [`Error`]; [`Error::to_wire`] (and, for ECS, [`Error::to_api`]) is the
//! only place that decides which exception name and message the user sees, in the
//! vocabulary of the API that was called. Internal context (store failures and
//! the like) is logged where the error is rendered, never shown to the user.

use berth_api::{ApiError, ErrorCode};

use crate::apis::{Api, Protocol, WireError};

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
    /// The caller's policies do not allow the call. The message names the principal, the
    /// action and the resource, as AWS's does.
    #[error("{0}")]
    AccessDenied(String),
    /// An exception that belongs to one API (SSM's `ParameterNotFound`, IAM's
    /// `NoSuchEntity`, …), with the HTTP status that API answers it with.
    #[error("{message}")]
    Api {
        code: &'static str,
        message: String,
        status: u16,
    },
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
            Error::AccessDenied(_) => ErrorCode::AccessDeniedException,
            // Only the API that made it renders it faithfully (`to_wire`); an ECS path never
            // makes one, so this is the nearest ECS name.
            Error::Api { .. } => ErrorCode::ClientException,
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

    /// The error as `api` puts it on the wire: the exception name that API uses for it, the
    /// message, and the HTTP status. This and [`Error::to_api`] (the ECS view, which it
    /// extends) are the only places that name exceptions.
    pub fn to_wire(&self, api: Api) -> WireError {
        use Api::*;
        let query = api.protocol() == Protocol::Query;
        let (code, status): (&str, u16) = match self {
            Error::Api {
                code,
                message,
                status,
            } => return WireError::new(*code, message.clone(), *status),
            Error::AccessDenied(_) if api == Ec2 => ("UnauthorizedOperation", 403),
            Error::AccessDenied(_) if query => ("AccessDenied", 403),
            Error::AccessDenied(_) => ("AccessDeniedException", 400),
            Error::InvalidParameter(_) => match api {
                Ecs | SecretsManager | Logs => ("InvalidParameterException", 400),
                Ssm => ("ValidationException", 400),
                Iam | Sts | Elbv2 => ("ValidationError", 400),
                Ec2 => ("InvalidParameterValue", 400),
            },
            Error::Serialization(_) | Error::Client(_) if api == Ec2 => {
                ("InvalidParameterValue", 400)
            }
            Error::Conflict if api == Ec2 => ("RequestLimitExceeded", 503),
            Error::Serialization(_) if query => ("ValidationError", 400),
            Error::UnknownOperation(_) if query => ("InvalidAction", 400),
            // ELBv2's own name for "a concurrent change is in progress", which the SDKs
            // retry.
            Error::Conflict if api == Elbv2 => ("PriorRequestNotComplete", 429),
            Error::Internal(_) | Error::Conflict if api != Ecs => {
                let code = match api {
                    Ssm => "InternalServerError",
                    SecretsManager => "InternalServiceError",
                    Logs => "ServiceUnavailableException",
                    Iam => "ServiceFailure",
                    Ec2 => "InternalError",
                    _ => "InternalFailure",
                };
                let message = match self {
                    Error::Conflict => self.to_string(),
                    _ => {
                        // Logs the source, and gives the generic text.
                        self.to_api().message
                    }
                };
                return WireError::new(code, message, 500);
            }
            _ => {
                let api_error = self.to_api();
                return WireError::new(
                    api_error.code.as_str(),
                    api_error.message,
                    api_error.code.http_status(),
                );
            }
        };
        WireError::new(code, self.to_string(), status)
    }

    /// An exception of one API, answered with HTTP 400.
    pub fn api(code: &'static str, message: impl Into<String>) -> Self {
        Error::Api {
            code,
            message: message.into(),
            status: 400,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_race_is_retryable_in_each_api_s_words() {
        let elbv2 = Error::Conflict.to_wire(Api::Elbv2);
        assert_eq!(
            (elbv2.code.as_ref(), elbv2.status),
            ("PriorRequestNotComplete", 429)
        );
        let iam = Error::Conflict.to_wire(Api::Iam);
        assert_eq!((iam.code.as_ref(), iam.status), ("ServiceFailure", 500));
    }
}
