import type { users as en } from '../en/users';
import type { TranslationShape } from '../translation-shape';

export const users: TranslationShape<typeof en> = {
  users: {
    description: '可以登录此管理界面的人。',
    create: '创建用户',
    createSubmit: '创建',
    created: '用户已创建。',
    edit: '编辑用户',
    empty: '没有用户。',
    username: '用户名',
    usernameRequired: '请输入用户名。',
    password: '密码',
    role: '角色',
    active: '启用',
    you: '你',
    mustChangePassword: '需修改密码',
    lastLogin: '最近登录',
    resetPassword: '重置密码',
    resetPasswordTitle: '重置 {{username}} 的密码',
    resetPasswordHelp: '其会话将结束，下次登录时必须设置自己的密码。请通过安全渠道告知此密码。',
    firstLoginHelp: '对方首次登录时须设置自己的密码。',
    resetSelfDisabled: '请在账户菜单中修改自己的密码，需要输入当前密码。',
    passwordReset: '密码已重置。',
    deleteTitle: '删除此用户？',
    deleteConfirm: '“{{username}}”将被登出并删除。',
    deleted: '用户已删除。',
    cannotDeleteSelf: '不能删除自己。',
  },
};
