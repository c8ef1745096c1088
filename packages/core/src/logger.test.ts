import { createLogger, type LogLevel } from './logger';

function logged(level: LogLevel, format: 'text' | 'json', error: Error): string[] {
  const lines: string[] = [];
  createLogger({ level, format, write: (line) => lines.push(line) }).error('subgraph request failed', { subgraph: 'identity', requestId: 'r-1', error });
  return lines;
}

function refusedFetch(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4001'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

describe('the logger, given an error', () => {
  it.each(['info', 'warn', 'error'] as const)('writes one line with name, message, code and cause, and no stack, at %s', (level) => {
    const lines = logged(level, 'text', refusedFetch());

    expect(lines).toEqual([
      'error subgraph request failed subgraph=identity requestId=r-1 error="TypeError: fetch failed caused by Error: connect ECONNREFUSED 127.0.0.1:4001 [ECONNREFUSED]"',
    ]);
  });

  it('adds the stack at debug only, in text and in JSON', () => {
    const [text] = logged('debug', 'text', refusedFetch());
    const [json] = logged('debug', 'json', refusedFetch());
    const [quietJson] = logged('info', 'json', refusedFetch());

    expect(text).toMatch(/error="TypeError: fetch failed\\n\s+at .+logger\.test\.ts:\d+:\d+/);
    expect(JSON.parse(json!).error.stack).toMatch(/logger\.test\.ts/);
    expect(JSON.parse(quietJson!).error).toEqual({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:4001', code: 'ECONNREFUSED' },
    });
  });
});

describe('the logger, given a field whose value is undefined', () => {
  it.each(['text', 'json'] as const)('leaves it out in %s', (format) => {
    const lines: string[] = [];
    createLogger({ level: 'info', format, write: (line) => lines.push(line) }).info('request', { requestId: 'r-1', traceId: undefined, status: 200 });

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('traceId');
    expect(lines[0]).toContain(format === 'text' ? 'requestId=r-1 status=200' : '"requestId":"r-1","status":200');
  });
});
