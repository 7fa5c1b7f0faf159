// Package model is the domain of 星级考评: the committee's party organizations
// (units) and members, with the rules that keep them valid. It has no
// dependencies on the GUI, the database driver or file formats; other packages
// store, import and show these types.
package model

import (
	"errors"
	"fmt"
)

// ErrorCode classifies an Error so callers can react without parsing text.
type ErrorCode string

// Error codes shared by every layer.
const (
	EInvalid  ErrorCode = "invalid"  // the input breaks a domain rule
	ENotFound ErrorCode = "notfound" // the thing asked for does not exist
	EConflict ErrorCode = "conflict" // the change clashes with stored data
	ECorrupt  ErrorCode = "corrupt"  // the database file is damaged
	ELocked   ErrorCode = "locked"   // another instance holds the database
	EInternal ErrorCode = "internal" // a bug or an unexpected failure
)

// Error is a domain error. Message is Simplified Chinese for the user; Field
// names the offending field (in code terms) when there is one; Err keeps the
// underlying cause for logs.
type Error struct {
	Code    ErrorCode
	Field   string
	Message string
	Err     error
}

// Error returns the user-facing message, followed by the cause when present.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + "（" + e.Err.Error() + "）"
	}
	return e.Message
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted Chinese message.
func Errorf(code ErrorCode, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf builds an EInvalid *Error that names the offending field.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: EInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCodeOf returns the code of the first *Error in err's chain, or
// EInternal when there is none (and "" for a nil err).
func ErrorCodeOf(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-facing Chinese message of err: the Message of
// the first *Error in its chain, or a generic message with the raw text.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	var u UserError
	if errors.As(err, &u) {
		return u.Error()
	}
	return "内部错误：" + err.Error()
}

// UserError is an error from outside package model whose Error text is
// already a Chinese message for the user (an importer's positioned error),
// so ErrorMessage shows it as it is.
type UserError interface {
	error
	// UserFacing marks the type; it does nothing.
	UserFacing()
}
