// The rules engine lives in ./rules/; this path stays for the modules that import it.
export * from './rules/index';
