"""Every error contract-risk raises on purpose, with a stable code and a plain message.

    ContractRiskError
      + InputError                 the file cannot be analysed (CLI exit 2, HTTP 4xx)
      |   - EmptyFile              zero bytes
      |   - UnsupportedFileType    not a PDF, DOCX or plain-text file (sniffed from the bytes)
      |   - FileTooLarge           more bytes than the configured limit
      |   - TooManyPages           more pages than the configured limit
      |   - FileTooComplex         small on disk, but too big or too deep once unpacked (a ZIP bomb)
      |   - EncryptedPdf           needs a password to open
      |   - NoTextLayer            pages hold no text (a scan): needs OCR
      |   - CorruptFile            the bytes claim a format but cannot be parsed
      |       - TruncatedFile      a PDF cut short (no end-of-file marker)
      + RuleDataError              a shipped rule/pattern file is invalid (a bug, not user input)

Domain code raises these; only the CLI and the service translate them to exit codes and HTTP.
"""

from __future__ import annotations

__all__ = [
    "ContractRiskError",
    "CorruptFile",
    "EmptyFile",
    "EncryptedPdf",
    "FileTooComplex",
    "FileTooLarge",
    "InputError",
    "NoTextLayer",
    "RuleDataError",
    "TooManyPages",
    "TruncatedFile",
    "UnsupportedFileType",
]


class ContractRiskError(Exception):
    """Base class. `code` is stable and machine-readable; `str(error)` is one plain sentence."""

    code = "contract_risk_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(ContractRiskError):
    """The input file cannot be analysed; the message says why and what to do."""

    code = "bad_input"


class EmptyFile(InputError):
    """The file has zero bytes."""

    code = "empty_file"


class UnsupportedFileType(InputError):
    """The bytes are not a PDF, DOCX or plain-text file, whatever the file name says."""

    code = "unsupported_file_type"


class FileTooLarge(InputError):
    """More bytes than the configured limit."""

    code = "file_too_large"


class FileTooComplex(InputError):
    """The file is small, but unpacking it would exceed a limit (a ZIP or decompression bomb)."""

    code = "file_too_complex"


class TooManyPages(InputError):
    """More pages than the configured limit."""

    code = "too_many_pages"


class EncryptedPdf(InputError):
    """The PDF needs a password to open."""

    code = "pdf_encrypted"


class NoTextLayer(InputError):
    """The PDF pages carry no extractable text: a scanned image that needs OCR first."""

    code = "no_text_layer"


class CorruptFile(InputError):
    """The file claims a format but cannot be parsed."""

    code = "corrupt_file"


class TruncatedFile(CorruptFile):
    """A PDF cut short: the end-of-file marker is missing (an interrupted download or copy)."""

    code = "truncated_file"


class RuleDataError(ContractRiskError):
    """A shipped pattern, threshold or reference file is invalid. Raised at load, naming file and key."""

    code = "rule_data_invalid"
