/**
 * Topic scans remembered between builds: the same topics as scanning everything, while only
 * the articles whose text changed are scanned again.
 */
import { describe, expect, test, vi } from 'vitest';
import {
  assignTopics,
  rememberingScanner,
  scanTopicNames,
  type RememberedScan,
  type TopicInput,
} from '../../../src/core/corpus/topics.ts';

const article = (slug: string, title: string, text: string): TopicInput => ({
  slug,
  title,
  paragraphs: [text, `${text} Again, ${text}`],
});

const corpus: TopicInput[] = [
  article('a', 'Talks in Geneva', 'Ministers from France and Germany met in Geneva on Monday.'),
  article('b', 'Geneva talks end', 'The talks in Geneva ended as France left early.'),
  article('c', 'Harbour bridge', 'Oslo reopened the harbour bridge, Norway said.'),
  article('d', 'Bridge in Oslo', 'Norway praised Oslo for the bridge.'),
];

describe('rememberingScanner', () => {
  test('gives what scanning every article gives, and scans only changed text the next time', () => {
    const remembered = new Map<string, RememberedScan>();
    const scan = vi.fn(scanTopicNames);
    const first = assignTopics(corpus, new Map(), rememberingScanner(scan, remembered));
    expect(first).toEqual(assignTopics(corpus, new Map()));
    expect(scan.mock.calls[0]?.[0]).toHaveLength(4);

    const edited = corpus.map((input) =>
      input.slug === 'c'
        ? { ...input, paragraphs: [...input.paragraphs, 'Sweden sent a delegation to Oslo.'] }
        : input,
    );
    const second = assignTopics(edited, new Map(), rememberingScanner(scan, remembered));
    expect(second).toEqual(assignTopics(edited, new Map()));
    expect(scan.mock.calls[1]?.[0].map((input) => input.slug)).toEqual(['c']);
  });

  test('a renamed file with the same text is not scanned again; forgotten articles are dropped', () => {
    const remembered = new Map<string, RememberedScan>();
    const scan = vi.fn(scanTopicNames);
    rememberingScanner(scan, remembered)(corpus, new Map());
    expect(remembered.size).toBe(4);
    const renamed = [{ ...corpus[0], slug: 'a-renamed' } as TopicInput, ...corpus.slice(1, 3)];
    const scans = rememberingScanner(scan, remembered)(renamed, new Map());
    expect(scan.mock.calls[1]?.[0]).toEqual([]);
    expect(scans.map((found) => found.slug)).toEqual(['a-renamed', 'b', 'c']);
    expect(remembered.size).toBe(3);
  });
});
