//! agent (being built).
