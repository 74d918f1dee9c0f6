//! ECS error codes and the `{"__type", "message"}` body AWS JSON 1.1 clients parse.

use serde::{Deserialize, Serialize};

/// The exception names ECS (and the AWS front door in front of it) returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    // ECS service exceptions, from the botocore model.
    AccessDeniedException,
    AttributeLimitExceededException,
    ClientException,
    ClusterContainsCapacityProviderException,
    ClusterContainsContainerInstancesException,
    ClusterContainsServicesException,
    ClusterContainsTasksException,
    ClusterNotFoundException,
    ConflictException,
    InvalidParameterException,
    LimitExceededException,
    NoUpdateAvailableException,
    PlatformTaskDefinitionIncompatibilityException,
    PlatformUnknownException,
    ResourceInUseException,
    ResourceNotFoundException,
    ServerException,
    ServiceNotActiveException,
    ServiceNotFoundException,
    TargetNotConnectedException,
    TargetNotFoundException,
    UnsupportedFeatureException,
    UpdateInProgressException,
    // Errors of the AWS JSON protocol and of authentication, common to all services.
    UnknownOperationException,
    SerializationException,
    ValidationException,
    ThrottlingException,
    MissingAuthenticationTokenException,
    UnrecognizedClientException,
    InvalidSignatureException,
    IncompleteSignatureException,
    SignatureDoesNotMatch,
    InvalidClientTokenId,
    RequestExpired,
    RequestEntityTooLargeException,
    InternalFailure,
}

impl ErrorCode {
    /// The `__type` value clients match on.
    pub fn as_str(self) -> &'static str {
        use ErrorCode::*;
        match self {
            AccessDeniedException => "AccessDeniedException",
            AttributeLimitExceededException => "AttributeLimitExceededException",
            ClientException => "ClientException",
            ClusterContainsCapacityProviderException => "ClusterContainsCapacityProviderException",
            ClusterContainsContainerInstancesException => {
                "ClusterContainsContainerInstancesException"
            }
            ClusterContainsServicesException => "ClusterContainsServicesException",
            ClusterContainsTasksException => "ClusterContainsTasksException",
            ClusterNotFoundException => "ClusterNotFoundException",
            ConflictException => "ConflictException",
            InvalidParameterException => "InvalidParameterException",
            LimitExceededException => "LimitExceededException",
            NoUpdateAvailableException => "NoUpdateAvailableException",
            PlatformTaskDefinitionIncompatibilityException => {
                "PlatformTaskDefinitionIncompatibilityException"
            }
            PlatformUnknownException => "PlatformUnknownException",
            ResourceInUseException => "ResourceInUseException",
            ResourceNotFoundException => "ResourceNotFoundException",
            ServerException => "ServerException",
            ServiceNotActiveException => "ServiceNotActiveException",
            ServiceNotFoundException => "ServiceNotFoundException",
            TargetNotConnectedException => "TargetNotConnectedException",
            TargetNotFoundException => "TargetNotFoundException",
            UnsupportedFeatureException => "UnsupportedFeatureException",
            UpdateInProgressException => "UpdateInProgressException",
            UnknownOperationException => "UnknownOperationException",
            SerializationException => "SerializationException",
            ValidationException => "ValidationException",
            ThrottlingException => "ThrottlingException",
            MissingAuthenticationTokenException => "MissingAuthenticationTokenException",
            UnrecognizedClientException => "UnrecognizedClientException",
            InvalidSignatureException => "InvalidSignatureException",
            IncompleteSignatureException => "IncompleteSignatureException",
            SignatureDoesNotMatch => "SignatureDoesNotMatch",
            InvalidClientTokenId => "InvalidClientTokenId",
            RequestExpired => "RequestExpired",
            RequestEntityTooLargeException => "RequestEntityTooLargeException",
            InternalFailure => "InternalFailure",
        }
    }

    /// The HTTP status AWS uses for this code.
    pub fn http_status(self) -> u16 {
        use ErrorCode::*;
        match self {
            ServerException | InternalFailure => 500,
            // AWS JSON services answer a missing signature with 403 and every other
            // authentication failure (bad signature, unknown key, expired date) with 400.
            MissingAuthenticationTokenException | SignatureDoesNotMatch | InvalidClientTokenId => {
                403
            }
            RequestEntityTooLargeException => 413,
            _ => 400,
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error as it goes on the wire.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// The JSON body: `{"__type": "...", "message": "..."}`.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error_type: self.code.as_str().to_owned(),
            message: self.message.clone(),
        }
    }
}

/// The JSON 1.1 error document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(rename = "__type")]
    pub error_type: String,
    pub message: String,
}
