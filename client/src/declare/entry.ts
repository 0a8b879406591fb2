// Whether home offers the form or 我的居住登记: tiny, as the home page of the main package
// imports it and the main package has no room left (STYLE.md 1). Nothing else of the
// subpackage may be imported from there.
import Taro from '@tarojs/taro'

// Whether this phone's person has declared anything still standing (a household, or a
// declaration waiting or verified): home then offers "我的居住登记" instead of the form.
// A hint only, set by the declare pages, per account (the local stack switches identities on
// one phone); a verified address on the grid card says it too.
const declaredKey = (userId: string) => `gl.declared.${userId}`
export const hasDeclared = (userId: string): boolean => Taro.getStorageSync(declaredKey(userId)) === true
export const rememberDeclared = (userId: string, declared: boolean) => Taro.setStorageSync(declaredKey(userId), declared)
