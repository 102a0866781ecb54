// The catalogue is a module of its own so that the core and every layer above it name words
// without holding wording; re-exported so that `Language` and `Word` come with the core.
@_exported import SociaalHusWords
