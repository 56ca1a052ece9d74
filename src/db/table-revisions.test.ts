import { describe, expect, it } from 'vitest';
import { TableRevisions, writtenTable } from './table-revisions.js';

describe('writtenTable', () => {
  it('reads the table of single-table writes, as Kysely writes them and by hand', () => {
    expect(writtenTable('insert into "courses" ("id") values (?)')).toBe('courses');
    expect(writtenTable('update "editions" set "title" = $1 where "id" = $2')).toBe('editions');
    expect(writtenTable('delete from "edition_facilitators" where "edition_id" = ?')).toBe(
      'edition_facilitators',
    );
    expect(writtenTable('insert or replace into course_search (course_id) values (?)')).toBe('course_search');
    expect(writtenTable('  UPDATE users SET full_name = ?')).toBe('users');
    expect(writtenTable('replace into "themes" values (?)')).toBe('themes');
  });

  it('takes reads and transaction control for reads', () => {
    for (const sql of [
      'select 1',
      'SELECT * from courses',
      'begin',
      'commit',
      'rollback',
      'savepoint sp1',
      'pragma foreign_keys',
    ]) {
      expect(writtenTable(sql)).toBeNull();
    }
  });

  it('counts a write of unknown shape as a change of every table', () => {
    expect(writtenTable('with x as (select 1) insert into "courses" select * from x')).toBe('*');
    expect(writtenTable('create table t (id text)')).toBe('*');
    expect(writtenTable('insert into "other"."courses" values (1)')).toBe('*');
  });
});

describe('TableRevisions', () => {
  it('changes the stamp of the tables written, and of every table for a write of unknown shape', () => {
    const revisions = new TableRevisions();
    const courses = revisions.stamp(['courses', 'editions']);
    const users = revisions.stamp(['users']);
    revisions.changed(['editions']);
    expect(revisions.stamp(['courses', 'editions'])).not.toBe(courses);
    expect(revisions.stamp(['users'])).toBe(users);
    revisions.changed(['*']);
    expect(revisions.stamp(['users'])).not.toBe(users);
  });
});
