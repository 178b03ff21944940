/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	// Jest reads the timeout here only, not per project: in-process n8n runs need more than 5 s.
	testTimeout: 30_000,
	projects: [
		{
			displayName: 'unit',
			preset: 'ts-jest',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			transform,
		},
		{
			displayName: 'workflow',
			preset: 'ts-jest',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/workflow/**/*.test.ts'],
			transform,
			// In-process n8n loads n8n-core and the stock nodes on the first run of each file.
			testTimeout: 30_000,
		},
		{
			// The Kajabi node and the credential against the Kajabi stand-in, and the contract
			// tests that hold the stand-in and the node to Kajabi's OpenAPI spec.
			displayName: 'api',
			preset: 'ts-jest',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/api/**/*.test.ts'],
			transform,
			testTimeout: 30_000,
		},
	],
};
