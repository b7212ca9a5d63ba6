"""Accounts and the Circle of Security journal: the first schema.

Revision ID: 0001
Revises: -
Create Date: 2026-11-26 01:28:54.359864
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts'))
    )
    op.create_index('ix_login_attempts_key_at', 'login_attempts', ['key', 'at'], unique=False)
    op.create_index('ix_login_attempts_at', 'login_attempts', ['at'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('is_admin', sa.Boolean(), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('password_changed_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('ouder', 'hulpverlener', 'leerkracht')", name=op.f('ck_users_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('children',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('owner_id', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('birth_month', sa.String(length=7), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_children_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_children'))
    )
    op.create_index(op.f('ix_children_owner_id'), 'children', ['owner_id'], unique=False)

    op.create_table('sessions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=24), nullable=True),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions'))
    )
    op.create_index(op.f('ix_sessions_expires_at'), 'sessions', ['expires_at'], unique=False)
    op.create_index(op.f('ix_sessions_user_id'), 'sessions', ['user_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('owner_id', sa.String(length=24), nullable=False),
    sa.Column('actor_id', sa.String(length=24), nullable=True),
    sa.Column('actor_label', sa.String(length=120), nullable=False),
    sa.Column('child_id', sa.String(length=24), nullable=True),
    sa.Column('child_label', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=24), nullable=True),
    sa.Column('detail', sa.String(length=160), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_log_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_audit_log_child_id_children'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_audit_log_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index(op.f('ix_audit_log_actor_id'), 'audit_log', ['actor_id'], unique=False)
    op.create_index(op.f('ix_audit_log_child_id'), 'audit_log', ['child_id'], unique=False)
    op.create_index('ix_audit_log_owner_at', 'audit_log', ['owner_id', 'at'], unique=False)

    op.create_table('observations',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('child_id', sa.String(length=24), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('situation', sa.String(length=200), nullable=False),
    sa.Column('signals', sa.JSON(), nullable=False),
    sa.Column('child_did', sa.Text(), nullable=False),
    sa.Column('responses', sa.JSON(), nullable=False),
    sa.Column('parent_did', sa.Text(), nullable=False),
    sa.Column('need', sa.String(length=40), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('score IS NULL OR (score >= 1 AND score <= 5)', name=op.f('ck_observations_score')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_observations_child_id_children'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observations'))
    )
    op.create_index('ix_observations_child_when', 'observations', ['child_id', 'occurred_at'], unique=False)

    op.create_table('shares',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('child_id', sa.String(length=24), nullable=False),
    sa.Column('grantee_id', sa.String(length=24), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("level IN ('lezen', 'reageren')", name=op.f('ck_shares_level')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_shares_child_id_children'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grantee_id'], ['users.id'], name=op.f('fk_shares_grantee_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shares')),
    sa.UniqueConstraint('child_id', 'grantee_id', name='uq_shares_child_grantee')
    )
    op.create_index(op.f('ix_shares_grantee_id'), 'shares', ['grantee_id'], unique=False)

    op.create_table('comments',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('child_id', sa.String(length=24), nullable=False),
    sa.Column('observation_id', sa.String(length=24), nullable=True),
    sa.Column('author_id', sa.String(length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_comments_author_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_comments_child_id_children'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['observation_id'], ['observations.id'], name=op.f('fk_comments_observation_id_observations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    op.create_index(op.f('ix_comments_author_id'), 'comments', ['author_id'], unique=False)
    op.create_index(op.f('ix_comments_child_id'), 'comments', ['child_id'], unique=False)
    op.create_index(op.f('ix_comments_observation_id'), 'comments', ['observation_id'], unique=False)


def downgrade() -> None:
    for table in ("comments", "shares", "observations", "audit_log", "sessions", "children", "users",
                  "login_attempts"):
        op.drop_table(table)
